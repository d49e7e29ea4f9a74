package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/** Decode, segment and featurise the data set the download task stored. */
public record PreprocessInput(String dagId, String dagRunId, RunConf conf, DatasetRef dataset) {}

package org.emoaudionet.workflows;

/** Decode, segment and featurise the data set the download task stored. */
public record PreprocessInput(String dagId, String dagRunId, RunConf conf, DatasetRef dataset) {}

package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/** Deal the data set the download task stored into shards of {@code conf.sharding()}. */
public record ShardPlanInput(String dagId, String dagRunId, RunConf conf, DatasetRef dataset) {}

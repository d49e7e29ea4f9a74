package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.conf.RunConf;

/** Prepare one shard of the data set; {@code shards} is how many there are, for the logs. */
public record PreprocessShardInput(String dagId, String dagRunId, RunConf conf,
    DatasetRef dataset, ShardSpec shard, int shards) {}

package org.emoaudionet.workflows.activity;

import java.util.List;
import org.emoaudionet.workflows.conf.RunConf;

/** Join the prepared shards, in plan order, into one data set index. */
public record JoinShardsInput(String dagId, String dagRunId, RunConf conf, List<ShardRef> shards) {
  public JoinShardsInput {
    shards = List.copyOf(shards);
  }
}

package org.emoaudionet.workflows.activity;

import java.util.List;

/** A data set's recordings dealt into shards ({@code preprocess}'s first step). */
public record ShardPlan(List<ShardSpec> shards, int recordings, String log, int attempt)
    implements TaskOutput {
  public ShardPlan {
    shards = List.copyOf(shards);
  }
}

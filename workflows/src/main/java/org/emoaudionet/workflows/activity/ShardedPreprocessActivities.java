package org.emoaudionet.workflows.activity;

import io.temporal.activity.ActivityInterface;

/**
 * Task {@code preprocess} of a sharded run (queue emo-cpu), in three steps the workflow fans out:
 * {@link #plan} deals the recordings into shards and digests each, {@link #preprocessShard} (one
 * activity per shard, on any CPU worker) prepares one shard unless S3 holds it under its digest
 * already, and {@link #join} writes the data set's index of those shards.
 */
@ActivityInterface
public interface ShardedPreprocessActivities {
  ShardPlan plan(ShardPlanInput input);

  ShardRef preprocessShard(PreprocessShardInput input);

  FeaturesRef join(JoinShardsInput input);
}

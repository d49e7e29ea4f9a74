package org.emoaudionet.workflows.activity;


/** The S3 layout (infra/README.md, "S3 layout"), in one place for the workflow and the worker. */
public final class S3Keys {
  private S3Keys() {}

  /** The DAG whose run id alone may name a pretrained model. */
  public static final String PRETRAIN_DAG = "librispeech_gender_pretrain";

  public static String dataset(String sha256) {
    return "datasets/sha256-" + sha256 + ".tar.gz";
  }

  public static String cache(String step, String key) {
    return "cache/" + step + "/" + key + ".emof";
  }

  /** One prepared shard of recordings, named by its digest ({@code ShardSpec#digest}). */
  public static String featureShard(String digest) {
    return FEATURE_SHARDS + digest + ".npz";
  }

  private static final String FEATURE_SHARDS = "cache/feature-shards/";

  /** A shard file as a data set's index names it ({@code <digest>.npz}). */
  public static String featureShardFile(String fileName) {
    if (!fileName.matches("[0-9a-f]{64}\\.npz")) {
      throw new IllegalArgumentException("shard file '" + fileName + "' is not <sha256>.npz");
    }
    return FEATURE_SHARDS + fileName;
  }

  /**
   * A sharded data set's index ({@code shards.json}, the shard format's), its shards listed by
   * file name: {@code <digest>.npz}, under {@link #featureShard}'s prefix.
   */
  public static String featureSet(String setKey) {
    return "cache/feature-sets/" + setKey + "/shards.json";
  }

  /** Whether {@code featuresKey} names a sharded data set's index rather than one FeatureSet file. */
  public static boolean isFeatureSet(String featuresKey) {
    return featuresKey != null && featuresKey.startsWith("cache/feature-sets/")
        && featuresKey.endsWith("/shards.json");
  }

  public static String run(String dagId, String dagRunId, String file) {
    return "runs/" + dagId + "/" + dagRunId + "/" + file;
  }

  /** A DAG's run-time state ({@code DagState}), e.g. whether it is paused. */
  public static String dagState(String dagId) {
    return "state/dags/" + dagId + ".json";
  }

  public static String checkpoint(String dagId, String dagRunId) {
    return run(dagId, dagRunId, "checkpoints/latest.tar.gz");
  }

  public static String model(String dagId, String dagRunId) {
    return run(dagId, dagRunId, "model.tar.gz");
  }

  /**
   * {@code conf.pretrained_from}: {@code <dag_run_id>} of {@value #PRETRAIN_DAG}, or
   * {@code <dag_id>/<dag_run_id>}; null stays null.
   */
  public static String pretrainedModel(String pretrainedFrom) {
    if (pretrainedFrom == null || pretrainedFrom.isBlank()) return null;
    int slash = pretrainedFrom.indexOf('/');
    if (slash < 0) return model(PRETRAIN_DAG, pretrainedFrom);
    String dag = pretrainedFrom.substring(0, slash);
    String run = pretrainedFrom.substring(slash + 1);
    if (dag.isEmpty() || run.isEmpty() || run.contains("/")) {
      throw new IllegalArgumentException("conf.pretrained_from '" + pretrainedFrom
          + "' must be <dag_run_id> or <dag_id>/<dag_run_id>");
    }
    return model(dag, run);
  }
}

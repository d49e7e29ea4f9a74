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

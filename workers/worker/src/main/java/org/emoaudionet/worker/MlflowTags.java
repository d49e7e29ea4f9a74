package org.emoaudionet.worker;

/**
 * MLflow's own tag names and values (the {@code mlflow.*} ones its UI and tools read), in one
 * place so that a rename in a later MLflow is one edit. Checked against MLflow 3.17:
 * {@code mlflow/utils/mlflow_tags.py} and, for the experiment kind, the UI bundle under
 * {@code mlflow/server/js/build}.
 */
final class MlflowTags {
  private MlflowTags() {}

  /** Who ran it: the run table's "User" column. */
  static final String USER = "mlflow.user";
  /** What ran it: with {@link #SOURCE_TYPE} the run table's "Source" column. */
  static final String SOURCE_NAME = "mlflow.source.name";
  static final String SOURCE_TYPE = "mlflow.source.type";
  /** MLflow's source types are NOTEBOOK, JOB, PROJECT, LOCAL, UNKNOWN: a DAG run is a JOB. */
  static final String SOURCE_TYPE_JOB = "JOB";
  /** The description of a run or an experiment, shown (as Markdown) on its page. */
  static final String NOTE = "mlflow.note.content";
  static final String RUN_NAME = "mlflow.runName";
  static final String PARENT_RUN_ID = "mlflow.parentRunId";

  /**
   * Experiment tag that files an experiment under the UI's "Model training" rather than GenAI
   * (the UI's {@code ExperimentKind.CUSTOM_MODEL_DEVELOPMENT}); without it the UI guesses.
   */
  static final String EXPERIMENT_KIND = "mlflow.experimentKind";
  static final String CUSTOM_MODEL_DEVELOPMENT = "custom_model_development";

  /** Dataset input tag: what the run used the dataset for (training, validation, test...). */
  static final String DATA_CONTEXT = "mlflow.data.context";

  /** The user a run gets when nobody triggered it (a schedule, a data trigger). */
  static final String DEFAULT_USER = "emo";
}

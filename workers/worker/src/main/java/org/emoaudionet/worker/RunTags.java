package org.emoaudionet.worker;

/**
 * The platform's own {@code emo.*} tags that one task sets and another reads, in one place so
 * that neither has to know the other (MLflow's own {@code mlflow.*} tags are {@link MlflowTags}).
 */
final class RunTags {
  private RunTags() {}

  /**
   * Where a run's model lies in S3 ({@code s3://<bucket>/runs/<dag>/<run>/model.tar.gz}). Set by
   * train and import on the logged model, by evaluate and at the end of the run on the run, by
   * register on the version; promote reads the champion's to fetch the exact model its evaluate
   * scored.
   */
  static final String MODEL_URI = "emo.model_uri";

  /** Where evaluate stored the run's {@code metrics.json} in S3; set by evaluate. */
  static final String METRICS_URI = "emo.metrics_uri";

  /**
   * What the run's model is: {@value #EMOAUDIONET} or {@value #KERAS}. Set by train and import on
   * the run and by the model logger on the logged model, so every run says it whichever made the
   * model; the version description reads it to name an imported model's format.
   */
  static final String MODEL_FORMAT = "emo.model_format";
  /** {@link #MODEL_FORMAT} of a network trained here ({@code model.json}). */
  static final String EMOAUDIONET = "emoaudionet";
  /** {@link #MODEL_FORMAT} of an imported Keras SavedModel ({@code keras.json}). */
  static final String KERAS = "keras-savedmodel";

  /**
   * Where an imported model came from ({@code conf.import_model}). Set by import on the run and
   * the logged model; its presence is what makes the version description say "Imported".
   */
  static final String IMPORTED_FROM = "emo.imported_from";
}

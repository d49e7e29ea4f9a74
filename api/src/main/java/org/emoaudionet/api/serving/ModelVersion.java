package org.emoaudionet.api.serving;

/**
 * One version of a registered model as MLflow's registry reports it.
 *
 * @param source where its files are, e.g. {@code mlflow-artifacts:/1/<run_id>/artifacts/model}
 */
public record ModelVersion(String name, int version, String source, String runId) {
  /** The cache key: a version number is only unique together with its source. */
  String key() {
    return name + "@" + version + "@" + source;
  }
}

package org.emoaudionet.workflows;

import java.util.Map;

/**
 * A DAG run's {@code conf}, validated. Unknown keys are refused so a typo is not silently
 * ignored.
 *
 * @param layout how the data is laid out: {@code librispeech}, {@code recola}, {@code daic-woz} or
 *     {@code manifest} (the DAG's default)
 * @param datasetUri where the data is: a local path, or a {@code file://}, {@code https://} or
 *     {@code s3://} URI of a folder or an archive (.tar.gz, .tgz, .tar, .zip); for
 *     {@code manifest}, the CSV inside it is named by {@code extra.manifest} (default
 *     {@code manifest.csv})
 * @param task the core task name ({@code gender}, {@code arousal}, ...)
 * @param preset {@code paper} or {@code small}
 * @param split {@code speaker} or {@code paper}
 * @param epochs null keeps the preset's
 * @param seed null keeps the preset's
 * @param augment whether to add noise / pitch-shifted training copies
 * @param pretrainedFrom a {@code dag_run_id} of {@code librispeech_gender_pretrain} (or any DAG
 *     as {@code dag_id/dag_run_id}) whose model initialises this one; null trains from scratch
 * @param arch {@code emoaudionet}, {@code mfcc} or {@code spectrogram}
 * @param checksum optional {@code md5:HEX} or {@code sha256:HEX} of the downloaded archive
 * @param importModel a model trained elsewhere (a Keras SavedModel directory with its
 *     {@code keras.json}, or a model directory of ours) to evaluate, register and promote
 *     instead of training one: a local path, a {@code file://} URI, {@code s3://bucket/prefix/}
 *     or an {@code s3://...} {@code .tar.gz}; null trains as usual
 */
public record RunConf(
    String layout,
    String datasetUri,
    String task,
    String preset,
    String split,
    Integer epochs,
    Long seed,
    boolean augment,
    String pretrainedFrom,
    String arch,
    String checksum,
    Map<String, String> extra,
    String importModel) {

  /** A conf that trains its model (no {@code import_model}). */
  public RunConf(String layout, String datasetUri, String task, String preset, String split,
      Integer epochs, Long seed, boolean augment, String pretrainedFrom, String arch,
      String checksum, Map<String, String> extra) {
    this(layout, datasetUri, task, preset, split, epochs, seed, augment, pretrainedFrom, arch,
        checksum, extra, null);
  }

  /** Whether the run imports its model instead of training it. */
  public boolean imports() {
    return importModel != null;
  }
}

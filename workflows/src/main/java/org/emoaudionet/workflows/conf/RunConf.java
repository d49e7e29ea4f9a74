package org.emoaudionet.workflows.conf;

import java.util.Map;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.spec.PresetNames;
import org.emoaudionet.spec.SplitProtocol;

/**
 * A DAG run's {@code conf}, validated. Unknown keys are refused so a typo is not silently
 * ignored.
 *
 * @param layout how the data is laid out: a {@code Layout} of the run vocabulary
 *     ({@code librispeech}, {@code recola}, {@code daic-woz} or {@code manifest})
 * @param datasetUri where the data is: a local path, or a {@code file://}, {@code https://} or
 *     {@code s3://} URI of a folder or an archive (.tar.gz, .tgz, .tar, .zip); for
 *     {@code manifest}, the CSV inside it is named by {@code extra.manifest} (default
 *     {@code manifest.csv}); only where {@link DataSourcePolicy} allows (local paths inside the
 *     data roots, public or listed hosts)
 * @param task the core task name ({@code gender}, {@code arousal}, ...)
 * @param preset a bundled preset ({@code PresetNames}: {@code paper}, {@code small}, {@code cpu}, ...)
 * @param split a {@code SplitProtocol}: {@code speaker} or {@code paper}
 * @param epochs null keeps the preset's (preset, split and arch are never null: see the
 *     constructor)
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
 * @param folds speaker-independent K-fold cross-validation ({@code K >= 2}): the run trains and
 *     scores K folds as child workflows and reports the mean and spread; null: no cross-validation
 * @param fold set by the cross-validation parent on each of its child runs: this run is fold
 *     {@code fold} (0-based) of {@code folds}; never a user key
 * @param sharding sharded preparation and streamed reading ({@link Sharding}); null: the data set
 *     is prepared by one activity into one file read whole into memory
 * @param selection the speakers and minutes of the data set the run uses ({@link SpeakerSelection});
 *     null: all of it
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
    String importModel,
    Integer folds,
    Integer fold,
    Sharding sharding,
    SpeakerSelection selection) {

  /**
   * The vocabulary's defaults fill what a conf leaves out (a conf built in code, a run stored by
   * an older version), so readers never default again: preset, split and arch are never null.
   */
  public RunConf {
    if (preset == null) preset = PresetNames.DEFAULT;
    if (split == null) split = SplitProtocol.DEFAULT.wireName();
    if (arch == null) arch = Architecture.DEFAULT.wireName();
  }

  /** A conf over the whole data set (no {@link SpeakerSelection}). */
  public RunConf(String layout, String datasetUri, String task, String preset, String split,
      Integer epochs, Long seed, boolean augment, String pretrainedFrom, String arch,
      String checksum, Map<String, String> extra, String importModel, Integer folds,
      Integer fold, Sharding sharding) {
    this(layout, datasetUri, task, preset, split, epochs, seed, augment, pretrainedFrom, arch,
        checksum, extra, importModel, folds, fold, sharding, null);
  }

  /** A conf read whole into memory (no {@link Sharding}). */
  public RunConf(String layout, String datasetUri, String task, String preset, String split,
      Integer epochs, Long seed, boolean augment, String pretrainedFrom, String arch,
      String checksum, Map<String, String> extra, String importModel, Integer folds,
      Integer fold) {
    this(layout, datasetUri, task, preset, split, epochs, seed, augment, pretrainedFrom, arch,
        checksum, extra, importModel, folds, fold, null, null);
  }

  /** A conf that trains its model (no {@code import_model}). */
  public RunConf(String layout, String datasetUri, String task, String preset, String split,
      Integer epochs, Long seed, boolean augment, String pretrainedFrom, String arch,
      String checksum, Map<String, String> extra) {
    this(layout, datasetUri, task, preset, split, epochs, seed, augment, pretrainedFrom, arch,
        checksum, extra, null);
  }

  /** A conf without cross-validation. */
  public RunConf(String layout, String datasetUri, String task, String preset, String split,
      Integer epochs, Long seed, boolean augment, String pretrainedFrom, String arch,
      String checksum, Map<String, String> extra, String importModel) {
    this(layout, datasetUri, task, preset, split, epochs, seed, augment, pretrainedFrom, arch,
        checksum, extra, importModel, null, null);
  }

  /**
   * This conf as a run's {@code conf} map (snake_case keys, what was left out left out): the one
   * form a run's conf is stored in (its memo, shown as Airflow's {@code DagRun.conf}) and read
   * back from by {@code clear}, through the same {@link ConfValidator} as a trigger, which gives
   * this record again. {@code fold} is never a user key and is not written.
   */
  public java.util.Map<String, Object> toConf() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("layout", layout);
    if (datasetUri != null) m.put("dataset_uri", datasetUri);
    m.put("task", task);
    m.put("preset", preset);
    m.put("split", split);
    if (epochs != null) m.put("epochs", epochs);
    if (seed != null) m.put("seed", seed);
    m.put("augment", augment);
    if (pretrainedFrom != null) m.put("pretrained_from", pretrainedFrom);
    m.put("arch", arch);
    if (checksum != null) m.put("checksum", checksum);
    if (extra != null && !extra.isEmpty()) m.put("extra", new java.util.TreeMap<>(extra));
    if (importModel != null) m.put("import_model", importModel);
    if (folds != null) m.put("folds", folds);
    if (sharding != null) {
      m.put("shard_recordings", sharding.recordingsPerShard());
      m.put("shard_parallelism", sharding.parallelism());
      m.put("shuffle_buffer", sharding.shuffleBuffer());
    }
    if (selection != null && selection.speakers() != null) m.put("speakers", selection.speakers());
    if (selection != null && selection.minutesPerSpeaker() != null) {
      m.put("minutes_per_speaker", selection.minutesPerSpeaker());
    }
    return m;
  }

  /** This conf as fold {@code i} of its {@link #folds()}: what a cross-validation child runs. */
  public RunConf forFold(int i) {
    return new RunConf(layout, datasetUri, task, preset, split, epochs, seed, augment,
        pretrainedFrom, arch, checksum, extra, importModel, folds, i, sharding, selection);
  }

  /** Whether this run is a cross-validation parent: it fans out {@link #folds()} child runs. */
  public boolean crossValidates() {
    return folds != null && folds >= 2 && fold == null;
  }

  /** Whether this run is one fold of a cross-validation (it trains and scores, never registers). */
  public boolean foldOfCrossValidation() {
    return folds != null && fold != null;
  }

  /** Whether {@code datasetUri} names a manifest CSV itself rather than a folder or an archive. */
  public static boolean namesCsv(String datasetUri) {
    if (datasetUri == null) return false;
    String path = datasetUri.trim();
    return path.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
  }

  /** Whether preprocess fans out over shards and training streams from them. */
  public boolean sharded() {
    return sharding != null;
  }

  /** Whether the run imports its model instead of training it. */
  public boolean imports() {
    return importModel != null;
  }
}

package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.workflows.conf.RunConf;

/** A run's conf as the core's PipelineConfig, and the cache keys of the data steps. */
public final class Configs {
  private Configs() {}

  /**
   * Bumped by hand whenever preprocess or augment would write different features for the same
   * input and config, so that old cache entries are no longer hit.
   */
  public static final String CODE_VERSION = "emo-features-2";

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /**
   * The core's config of a run: its preset, then the conf's overrides; a cross-validation fold
   * ({@code conf.folds = K}, {@code conf.fold = i}) is {@link PipelineConfig#withFold}{@code (K, i)},
   * so its split (and with it the preprocess cache key) is the fold's. A cross-validation parent
   * (folds without fold) trains nothing itself and keeps the plain split.
   */
  public static PipelineConfig pipelineConfig(RunConf conf) {
    PipelineConfig c = PipelineConfig.preset(conf.preset());
    c = c.withProtocol(conf.split());
    if (conf.folds() != null && conf.fold() != null) c = c.withFold(conf.folds(), conf.fold());
    if (conf.epochs() != null) c = c.withEpochs(conf.epochs());
    if (conf.seed() != null) c = c.withSeed(conf.seed());
    return c.withAugmentation(conf.augment());
  }

  /**
   * The config a sharded run prepares its shards with: the run's, without augmentation when the
   * model is imported (copies only ever feed training, as the one-file path skips augment then).
   */
  public static PipelineConfig shardConfig(RunConf conf) {
    PipelineConfig c = pipelineConfig(conf);
    return conf.imports() ? c.withAugmentation(false) : c;
  }

  /** sha256 of (input digest, step config JSON, code version). */
  public static String cacheKey(String inputDigest, String stepConfigJson) {
    return Digests.sha256(inputDigest + "\n" + stepConfigJson + "\n" + CODE_VERSION);
  }

  /**
   * What decides preprocess's output: layout, task, audio, image size, the split (protocol,
   * fractions, and a cross-validation fold's folds/fold) and seed.
   */
  public static String preprocessConfigJson(RunConf conf, PipelineConfig c) {
    Map<String, Object> m = featureConfig("preprocess", conf, c);
    m.put("split", c.split());
    m.put("seed", c.train().seed());
    // a selection changes the recordings, not what one recording gives: only the one-file set keys it
    if (conf.selection() != null) m.put("selection", conf.selection());
    return json(m);
  }

  /**
   * What decides one prepared shard besides its recordings: layout, task, audio, image size, and
   * with augmentation its settings and the seed (the copies' noise is seeded). Not the split: a
   * sharded data set's splits follow from its labels when it is read, so another split or
   * cross-validation fold reuses the same shards (and without augmentation another seed too).
   */
  public static String shardConfigJson(RunConf conf, PipelineConfig c) {
    Map<String, Object> m = featureConfig("preprocess-shard", conf, c);
    if (c.augment().enabled()) {
      m.put("augment", c.augment());
      m.put("seed", c.train().seed());
    }
    return json(m);
  }

  /** What decides the features of one recording: how it is read and what the network takes. */
  private static Map<String, Object> featureConfig(String step, RunConf conf, PipelineConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", step);
    m.put("layout", conf.layout());
    m.put("task", conf.task());
    m.put("manifest", LocalDatasets.manifestName(conf));
    m.put("audio", c.audio());
    m.put("imageSize", c.model().imageSize());
    m.put("mfccChannels", c.model().mfccChannels());
    return m;
  }

  /** What decides augment's output: the augmentation settings and the seed. */
  public static String augmentConfigJson(PipelineConfig c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", "augment");
    m.put("augment", c.augment());
    m.put("audio", c.audio());
    m.put("imageSize", c.model().imageSize());
    m.put("mfccChannels", c.model().mfccChannels());
    m.put("seed", c.train().seed());
    return json(m);
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.emoaudionet.worker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.SegmentLabels;
import org.emoaudionet.mlflow.MlflowHttp;
import org.emoaudionet.workflows.activity.FeaturesRef;

/**
 * The splits of a run's feature set as MLflow dataset inputs ({@code runs/log-inputs}): one
 * dataset per split, named {@code <data set>/<split>} (MLflow keeps one input per dataset and
 * run, so three splits of one file need three names), with
 * <ul>
 *   <li>digest: the feature file's cache key (sha256 of the stored data set's digest, the step's
 *       config and the code version: the digest the worker already keys its cache by), cut to
 *       MLflow's 36 characters; the full key is in the profile;
 *   <li>source: {@code conf.dataset_uri} as MLflow's dataset sources write it ({@code {"uri"}} for
 *       s3 and local, {@code {"url"}} for http), source type from its scheme;
 *   <li>schema: the two input tensors and the class index target, as MLflow's NumpyDataset
 *       writes a dict of arrays ({@code mlflow_tensorspec});
 *   <li>profile: split, segment, recording and speaker counts, segments per class, augmented
 *       copies, the shapes, and where the feature file is;
 *   <li>input tag {@value MlflowTags#DATA_CONTEXT}: training, validation or test.
 * </ul>
 */
final class RunDatasets {
  static final int DIGEST_MAX = 36; // MLflow's MAX_DATASET_DIGEST_SIZE

  private RunDatasets() {}

  /** MLflow's word for what a split is used for. */
  static String context(Split s) {
    return switch (s) {
      case TRAIN -> "training";
      case VAL -> "validation";
      case TEST -> "test";
    };
  }

  /** {@code <data set>/<split>}: the data set named by the last part of its URI. */
  static String name(String datasetUri, Split s) {
    return baseName(datasetUri) + "/" + s.wireName();
  }

  static String digest(FeaturesRef features) {
    String key = features.cacheKey();
    return key.length() <= DIGEST_MAX ? key : key.substring(0, DIGEST_MAX);
  }

  /** The {@code DatasetInput}s of the non-empty splits among {@code splits}. */
  static List<Map<String, Object>> inputs(FeatureSource<?> data, FeaturesRef features,
      String datasetUri, Split... splits) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Split s : splits) {
      List<? extends SegmentLabels> segs = data.labelsOf(s);
      if (segs.isEmpty()) continue; // e.g. validation carved from training inside the trainer
      Map<String, Object> dataset = new LinkedHashMap<>();
      dataset.put("name", name(datasetUri, s));
      dataset.put("digest", digest(features));
      dataset.put("source_type", sourceType(datasetUri));
      dataset.put("source", source(datasetUri));
      dataset.put("schema", schema(data));
      dataset.put("profile", profile(data, s, segs, features));
      out.add(Map.of("tags", List.of(Map.of("key", MlflowTags.DATA_CONTEXT, "value", context(s))),
          "dataset", dataset));
    }
    return out;
  }

  static String sourceType(String uri) {
    String u = uri == null ? "" : uri.trim();
    if (u.startsWith("s3://")) return "s3";
    if (u.startsWith("http://") || u.startsWith("https://")) return "http";
    return "local";
  }

  static String source(String uri) {
    String key = sourceType(uri).equals("http") ? "url" : "uri";
    return json(Map.of(key, uri == null ? "" : uri.trim()));
  }

  static String schema(FeatureSource<?> data) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("features", ModelSignature.json(ModelSignature.inputs(data.mfccChannels(),
        data.mfccLength(), data.imageSize())));
    spec.put("targets", ModelSignature.json(List.of(
        new ModelSignature.TensorSpec(null, "int64", List.of(-1)))));
    return json(Map.of("mlflow_tensorspec", spec));
  }

  static String profile(FeatureSource<?> data, Split s, List<? extends SegmentLabels> segs,
      FeaturesRef features) {
    TreeSet<String> recordings = new TreeSet<>();
    TreeSet<String> speakers = new TreeSet<>();
    Map<String, Integer> perClass = new TreeMap<>();
    int augmented = 0;
    for (SegmentLabels f : segs) {
      recordings.add(f.recordingId());
      if (f.speaker() != null) speakers.add(f.speaker());
      List<String> classes = data.task().classes();
      String c = f.classIndex() >= 0 && f.classIndex() < classes.size()
          ? classes.get(f.classIndex()) : String.valueOf(f.classIndex());
      perClass.merge(c, 1, Integer::sum);
      if (f.origin() != null && !f.origin().equals("original")) augmented++;
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("split", s.wireName());
    p.put("segments", segs.size());
    p.put("recordings", recordings.size());
    p.put("speakers", speakers.size());
    p.put("augmented_segments", augmented);
    p.put("task", data.task().name());
    p.put("class_counts", perClass);
    Map<String, Object> shapes = new LinkedHashMap<>();
    shapes.put(InputExample.MFCC, List.of(segs.size(), data.mfccChannels(), data.mfccLength()));
    shapes.put(InputExample.SPECTROGRAM, List.of(segs.size(), 3, data.imageSize(),
        data.imageSize()));
    p.put("features_shape", shapes);
    p.put("feature_cache_key", features.cacheKey());
    p.put("features_uri", features.uri());
    return json(p);
  }

  static String baseName(String uri) {
    String u = uri == null ? "" : uri.trim().replaceAll("[/\\\\]+$", "");
    String[] parts = u.split("[/\\\\]");
    String last = parts.length == 0 ? "" : parts[parts.length - 1];
    // a manifest CSV is named by its folder: manifest.csv says nothing
    if (last.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && parts.length > 1) {
      last = parts[parts.length - 2];
    }
    last = last.replaceAll("(?i)(\\.tar\\.gz|\\.tgz|\\.tar|\\.zip|\\.csv)$", "");
    return last.isEmpty() || last.endsWith(":") ? "dataset" : last;
  }

  private static String json(Object o) {
    try {
      return MlflowHttp.JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

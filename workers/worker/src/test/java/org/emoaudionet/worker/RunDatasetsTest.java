package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.mlflow.MlflowHttp;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.junit.jupiter.api.Test;

/** The splits of a feature set as MLflow dataset inputs, without a server. */
class RunDatasetsTest {
  static final FeaturesRef REF = new FeaturesRef("cache/augment/k.emof", "s3://emo/cache/augment/k.emof",
      "ab".repeat(32), false, 30, "", 1);

  @Test
  void namesSourcesAndDigestsInMlflowsTerms() throws Exception {
    assertEquals("emodb/train", RunDatasets.name("s3://corpora/emodb.tar.gz", Split.TRAIN));
    assertEquals("sample/test", RunDatasets.name("/data/sample/manifest.csv", Split.TEST));
    assertEquals("corpus/val", RunDatasets.name("/tmp/x/corpus/", Split.VAL));
    assertEquals("s3", RunDatasets.sourceType("s3://b/k"));
    assertEquals("http", RunDatasets.sourceType("https://host/d.zip"));
    assertEquals("local", RunDatasets.sourceType("/data/x"));
    assertEquals("https://host/d.zip",
        MlflowHttp.JSON.readTree(RunDatasets.source("https://host/d.zip")).path("url").asText());
    assertEquals(36, RunDatasets.digest(REF).length(), "MLflow's MAX_DATASET_DIGEST_SIZE");
    assertEquals("test", RunDatasets.context(Split.TEST));
    assertEquals("training", RunDatasets.context(Split.TRAIN));
  }

  @Test
  void oneInputPerNonEmptySplitWithCountsInTheProfile() throws Exception {
    FeatureSet all = SyntheticFeatures.twoClasses(30, 1);
    // no validation split (carved inside the trainer), and two augmented copies in training
    List<SegmentFeatures> segs = new ArrayList<>();
    for (SegmentFeatures s : all.segments()) {
      if (s.split() == Split.VAL) continue;
      segs.add(new SegmentFeatures(s.recordingId(), s.speaker(), 0, s.split(), s.classIndex(),
          s.target(), s.mfcc(), s.image(), "original"));
    }
    SegmentFeatures first = segs.get(0);
    segs.add(new SegmentFeatures(first.recordingId(), first.speaker(), 0, Split.TRAIN,
        first.classIndex(), first.target(), first.mfcc(), first.image(), "noise:0.01"));
    FeatureSet data = all.withSegments(segs);
    List<Map<String, Object>> inputs = RunDatasets.inputs(data, REF, "s3://c/emo.tar.gz",
        Split.TRAIN, Split.VAL);
    assertEquals(1, inputs.size(), "an empty split is not a dataset");
    JsonNode in = MlflowHttp.JSON.valueToTree(inputs.get(0));
    assertEquals("mlflow.data.context", in.path("tags").get(0).path("key").asText());
    assertEquals("training", in.path("tags").get(0).path("value").asText());
    JsonNode profile = MlflowHttp.JSON.readTree(in.path("dataset").path("profile").asText());
    int train = data.split(Split.TRAIN).size();
    assertEquals(train, profile.path("segments").asInt());
    assertEquals(train - 1, profile.path("recordings").asInt(), "the copy is no new recording");
    assertEquals(1, profile.path("augmented_segments").asInt());
    assertEquals(train, profile.path("class_counts").path("a").asInt()
        + profile.path("class_counts").path("b").asInt());
    assertEquals("[" + train + ",1,177]", profile.path("features_shape").path("mfcc").toString());
    JsonNode schema = MlflowHttp.JSON.readTree(in.path("dataset").path("schema").asText());
    JsonNode features = MlflowHttp.JSON.readTree(
        schema.path("mlflow_tensorspec").path("features").asText());
    assertEquals("spectrogram", features.get(1).path("name").asText());
    assertEquals("[-1,3,64,64]", features.get(1).path("tensor-spec").path("shape").toString());
  }
}

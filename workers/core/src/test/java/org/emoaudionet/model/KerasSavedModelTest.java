package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.metrics.ClassificationMetrics;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.spec.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keras SavedModel fixture through DJL's TensorFlow engine, next to the PyTorch models. */
class KerasSavedModelTest {
  private static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");
  @TempDir Path tmp;

  @Test
  void outputsMatchKerasToOneInTenThousand() throws IOException {
    float[][] expected = KerasFixture.expected();
    try (ScoringModel model = ScoringModels.load(KerasFixture.modelDir())) {
      assertInstanceOf(KerasSavedModel.class, model);
      float[][] got = model.predict(KerasFixture.segments(Split.TEST, new int[expected.length]));
      assertEquals(expected.length, got.length);
      double maxDiff = 0;
      for (int i = 0; i < expected.length; i++) {
        assertEquals(CLASSES.size(), got[i].length);
        for (int j = 0; j < CLASSES.size(); j++) maxDiff = Math.max(maxDiff, Math.abs(got[i][j] - expected[i][j]));
      }
      assertTrue(maxDiff <= 1e-4, "max abs diff to Keras " + maxDiff);
      // The rows differ from segment to segment, so the match is not one of constant outputs.
      assertNotEquals(Arrays.toString(expected[0]), Arrays.toString(expected[1]));
      assertTrue(Math.abs(expected[0][0] - expected[4][0]) > 0.01, "fixture rows too alike to test anything");
    }
  }

  @Test
  void manifestGivesTaskFeatureSettingsAndLayouts() throws IOException {
    try (ScoringModel model = ScoringModels.load(KerasFixture.modelDir())) {
      assertEquals("label", model.task().name());
      assertEquals(CLASSES, model.task().classes());
      assertEquals("small", model.config().preset());
      assertEquals(KerasFixture.IMAGE_SIZE, model.config().model().imageSize());
      KerasManifest m = ((KerasSavedModel) model).manifest();
      assertTrue(m.mfcc().channelsLast());
      assertTrue(m.image().channelsLast());
      assertEquals(new MfccScaling(-25, 12), m.mfccScaling());
    }
  }

  @Test
  void evaluatesAFeatureSetEndToEnd() throws IOException {
    float[][] expected = KerasFixture.expected();
    // Truth: the class Keras predicts for even segments, a different one for odd ones, so the
    // expected accuracy (0.5) follows from Keras's own outputs.
    int[] truth = new int[expected.length];
    int[] keras = ClassificationMetrics.argmax(expected);
    for (int i = 0; i < truth.length; i++) truth[i] = i % 2 == 0 ? keras[i] : (keras[i] + 1) % CLASSES.size();
    List<SegmentFeatures> test = KerasFixture.segments(Split.TEST, truth);
    FeatureSet data = new FeatureSet(TaskSpec.categorical("label", CLASSES), KerasFixture.IMAGE_SIZE,
        KerasFixture.MFCC_LENGTH, test);
    try (ScoringModel model = ScoringModels.load(KerasFixture.modelDir())) {
      EvaluationReport r = Evaluator.evaluate(model, data, "speaker", List.of(), false, tmp);
      assertEquals(0.5, r.scalars().get("test.accuracy"), 1e-12);
      assertTrue(Files.size(tmp.resolve("metrics.json")) > 0);
      assertTrue(Files.size(tmp.resolve("confusion_matrix.png")) > 0);
    }
  }

  @Test
  void bothEnginesScoreInOneJvmAndPyTorchStaysTheDefault() throws IOException {
    Path trained = tmp.resolve("trained");
    PipelineConfig small = PipelineConfig.small();
    TaskSpec task = TaskSpec.categorical("label", CLASSES);
    try (NDManager manager = NDManager.newBaseManager()) {
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(Architecture.EMOAUDIONET, small.model(),
          CLASSES.size(), KerasFixture.MFCC_LENGTH, manager);
      TrainedModel.save(trained, new ModelManifest(Architecture.EMOAUDIONET, task, small,
          KerasFixture.MFCC_LENGTH, 1, 0.25, 0, "test", new MfccScaling(-25, 12)), block);
    }
    List<SegmentFeatures> segments = KerasFixture.segments(Split.TEST, new int[8]);
    try (ScoringModel keras = ScoringModels.load(KerasFixture.modelDir());
        ScoringModel pytorch = ScoringModels.load(trained)) {
      assertInstanceOf(TrainedModel.class, pytorch);
      float[][] a = keras.predict(segments);
      float[][] b = pytorch.predict(segments);
      assertEquals(segments.size(), a.length);
      assertEquals(segments.size(), b.length);
      for (float[] row : b) assertEquals(1.0, row[0] + row[1] + row[2] + row[3], 1e-5);
    }
    // DJL picks the default by rank; training code (NDManager.newBaseManager()) relies on it.
    assertEquals("PyTorch", Engine.getDefaultEngineName());
    assertEquals("PyTorch", Engine.getInstance().getEngineName());
  }

  @Test
  void aDirectoryWithNeitherKindIsRefusedNamingBoth() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    IOException e = assertThrows(IOException.class, () -> ScoringModels.load(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("saved_model.pb"), e.getMessage());
    IOException missing = assertThrows(IOException.class, () -> ScoringModels.load(tmp.resolve("nowhere")));
    assertTrue(missing.getMessage().contains("nowhere"), missing.getMessage());
  }

  @Test
  void aSavedModelWithoutManifestIsRefused() throws IOException {
    Path dir = copyFixture("bare");
    Files.delete(dir.resolve(KerasManifest.FILE));
    IOException e = assertThrows(IOException.class, () -> ScoringModels.load(dir));
    assertTrue(e.getMessage().contains("keras.json") && e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void aManifestNamingAnInputTheGraphLacksIsRefused() throws IOException {
    Path dir = copyFixture("renamed");
    Path manifest = dir.resolve(KerasManifest.FILE);
    Files.writeString(manifest, Files.readString(manifest).replace("\"name\": \"mfcc\"", "\"name\": \"mfcc_input\""));
    IOException e = assertThrows(IOException.class, () -> ScoringModels.load(dir));
    assertTrue(e.getMessage().contains("'mfcc_input'") && e.getMessage().contains("image"), e.getMessage());
  }

  @Test
  void aBadLayoutIsRefusedNamingTheField() throws IOException {
    Path dir = copyFixture("layout");
    Path manifest = dir.resolve(KerasManifest.FILE);
    Files.writeString(manifest, Files.readString(manifest).replace("\"NHWC\"", "\"HWC\""));
    IOException e = assertThrows(IOException.class, () -> ScoringModels.load(dir));
    assertTrue(e.getMessage().contains("inputs.image.layout") && e.getMessage().contains("HWC"), e.getMessage());
  }

  @Test
  void missingNativesGiveAClearError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("no-natives"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TensorFlowNatives.require(null, empty.toString()));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("libjnitensorflow")
        && e.getMessage().contains("system property"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> TensorFlowNatives.require(empty.toString(), null));
    assertTrue(e.getMessage().contains("environment variable"), e.getMessage());
    e = assertThrows(IllegalStateException.class, () -> TensorFlowNatives.require(null, " "));
    assertTrue(e.getMessage().contains("TENSORFLOW_LIBRARY_PATH is not set"), e.getMessage());
    // The build's folder passes, whichever way it was named to this JVM.
    Path built = TensorFlowNatives.require();
    assertTrue(Files.isRegularFile(built.resolve(TensorFlowNatives.JNI_LIBRARY)));
  }

  private Path copyFixture(String name) throws IOException {
    Path src = KerasFixture.modelDir();
    Path dst = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return dst;
  }
}

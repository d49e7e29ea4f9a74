package org.emoaudionet.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.junit.jupiter.api.Test;

/** Each reason a model cannot score a test set, on synthetic models and feature sets. */
class ModelCompatibilityTest {
  static final PipelineConfig OURS = PipelineConfig.small();
  static final TaskSpec LABEL = TaskSpec.categorical("label", List.of("angry", "calm"));

  /** Only what the check reads: a task and a config; it never predicts. */
  record Stub(TaskSpec task, PipelineConfig config) implements ScoringModel {
    @Override
    public float[][] predict(List<SegmentFeatures> segments) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  /** The feature set {@code config} makes for {@code task} (no segments: not read). */
  static FeatureSet data(TaskSpec task, PipelineConfig config) {
    return new FeatureSet(task, config.model().imageSize(), config.audio().mfccFrames(),
        config.model().mfccChannels(), List.of());
  }

  static PipelineConfig withModel(PipelineConfig c, PipelineConfig.ModelConfig m) {
    return new PipelineConfig(c.preset(), c.audio(), c.augment(), m, c.train(), c.split());
  }

  static PipelineConfig withAudio(PipelineConfig c, PipelineConfig.AudioConfig a) {
    return new PipelineConfig(c.preset(), a, c.augment(), c.model(), c.train(), c.split());
  }

  static PipelineConfig.AudioConfig audio(int sampleRate, int mfccFrames) {
    PipelineConfig.AudioConfig a = OURS.audio();
    return new PipelineConfig.AudioConfig(sampleRate, a.segmentSeconds(), a.hopSeconds(),
        a.removeSilence(), a.silenceThresholdDb(), a.minSilenceSeconds(),
        a.silenceFrameSeconds(), mfccFrames, a.padding(), a.mfccMeanRemoval());
  }

  @Test
  void aModelOfTheSameTaskAndSettingsFits() {
    assertNull(ModelCompatibility.mismatch(new Stub(LABEL, OURS), data(LABEL, OURS), OURS));
  }

  @Test
  void anotherTask() {
    TaskSpec gender = TaskSpec.categorical("gender", LABEL.classes());
    assertEquals("it predicts task gender, this test set is label",
        ModelCompatibility.mismatch(new Stub(gender, OURS), data(LABEL, OURS), OURS));
  }

  @Test
  void anotherClassList() {
    TaskSpec four = TaskSpec.categorical("label", List.of("angry", "calm", "happy", "sad"));
    assertEquals("its classes [angry, calm, happy, sad] differ from this test set's [angry, calm]",
        ModelCompatibility.mismatch(new Stub(four, OURS), data(LABEL, OURS), OURS));
  }

  @Test
  void anotherImageSize() {
    PipelineConfig.ModelConfig m = OURS.model();
    PipelineConfig big = withModel(OURS, new PipelineConfig.ModelConfig(m.imageSize() * 2,
        m.channels(), m.dropout(), m.mfccChannels()));
    assertEquals("it takes " + m.imageSize() * 2 + "px spectrogram images, this test set has "
            + m.imageSize() + "px",
        ModelCompatibility.mismatch(new Stub(LABEL, big), data(LABEL, OURS), OURS));
  }

  @Test
  void anotherMfccChannelCount() {
    PipelineConfig.ModelConfig m = OURS.model();
    PipelineConfig thirteen = withModel(OURS, new PipelineConfig.ModelConfig(m.imageSize(),
        m.channels(), m.dropout(), 13));
    assertEquals(1, m.mfccChannels(), "precondition: the small preset takes one channel");
    assertEquals("it takes 13 MFCC channel(s), this run's data has 1",
        ModelCompatibility.mismatch(new Stub(LABEL, thirteen), data(LABEL, OURS), OURS));
  }

  @Test
  void anotherMfccLength() {
    int frames = OURS.audio().mfccFrames();
    PipelineConfig shorter = withAudio(OURS, audio(OURS.audio().sampleRate(), frames - 1));
    assertEquals("it takes " + (frames - 1) + " MFCC frames, this test set has " + frames,
        ModelCompatibility.mismatch(new Stub(LABEL, shorter), data(LABEL, OURS), OURS));
  }

  @Test
  void sameShapesOtherSampleRate() {
    // the network would take these inputs and give meaningless figures: not compared either
    PipelineConfig at16k = withAudio(OURS, audio(16_000, OURS.audio().mfccFrames()));
    String why = ModelCompatibility.mismatch(new Stub(LABEL, OURS), data(LABEL, at16k), at16k);
    assertEquals("its audio settings " + OURS.audio() + " differ from this run's "
        + at16k.audio(), why);
  }
}

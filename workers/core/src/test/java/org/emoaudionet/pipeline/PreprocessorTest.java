package org.emoaudionet.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaudionet.audio.WavWriter;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.data.RecordingLabel;
import org.emoaudionet.data.Split;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
  @TempDir Path tmp;

  @Test
  void recolaSegmentsCarryTheMeanGoldStandardOfTheirSpan() throws Exception {
    PipelineConfig cfg = PipelineConfig.small();
    Corpus c = CorpusLoader.load(DatasetUri.parse("recola:" + SampleCorpora.root().resolve("recola")), "arousal");
    Corpus two = new Corpus(c.name(), c.task(), c.recordings().subList(0, 4));
    FeatureSet fs = Preprocessor.run(two, cfg, ProgressListener.NONE);
    assertFalse(fs.segments().isEmpty());
    for (SegmentFeatures s : fs.segments()) {
      assertTrue(s.target() >= -1 && s.target() <= 1, "target in [-1, 1]: " + s.target());
      assertEquals(c.task().classOf(s.target()), s.classIndex(), "class is the bin of the target");
      assertEquals(177, s.mfcc().length);
      assertEquals(3 * 64 * 64, s.image().length);
    }
    // the gold standard varies over a recording, so its segments do not all share one bin
    Set<Integer> classes = new HashSet<>();
    fs.segments().forEach(s -> classes.add(s.classIndex()));
    assertTrue(classes.size() > 1, "several arousal bins: " + classes);
  }

  @Test
  void daicWozKeepsOnlyParticipantTurnsAndTheCorpusSplits() throws Exception {
    PipelineConfig cfg = PipelineConfig.small();
    Corpus c = CorpusLoader.load(DatasetUri.parse("daic-woz:" + SampleCorpora.root().resolve("daic-woz")), "phq8_binary");
    FeatureSet fs = Preprocessor.run(c, cfg, ProgressListener.NONE);
    Map<String, Split> fixed = new HashMap<>();
    for (Recording r : c.recordings()) {
      assertFalse(r.regions().isEmpty(), "participant turns from the transcript");
      fixed.put(r.id(), r.split());
    }
    for (SegmentFeatures s : fs.segments()) {
      Split want = fixed.get(s.recordingId());
      if (want == Split.TEST) assertEquals(Split.TEST, s.split(), s.recordingId());
      else assertTrue(s.split() != Split.TEST, s.recordingId() + " is not a test participant");
    }
    double interviewSeconds = 0;
    for (Recording r : c.recordings()) {
      interviewSeconds += r.regions().stream().mapToDouble(t -> t.length()).sum();
    }
    // 2 segments per second of speech at most: Ellie's questions were not segmented
    assertTrue(fs.segments().size() <= 2 * interviewSeconds + 2 * c.recordings().size());
  }

  @Test
  void aCorruptFileIsReportedByNameAndTheRestIsKept() throws Exception {
    float[] tone = new float[16000 * 4];
    for (int i = 0; i < tone.length; i++) tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / 16000.0));
    TaskSpec task = TaskSpec.categorical("label", List.of("a", "b"));
    List<Recording> recs = new java.util.ArrayList<>();
    for (int s = 0; s < 6; s++) {
      Path wav = tmp.resolve("s" + s + ".wav");
      WavWriter.writePcm16(wav, tone, 16000);
      recs.add(new Recording("s" + s, wav, "spk" + s, null, null,
          new RecordingLabel.Category(s % 2 == 0 ? "a" : "b"), List.of()));
    }
    Path bad = tmp.resolve("broken.wav");
    Files.write(bad, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
    recs.add(new Recording("broken", bad, "spk9", null, null, new RecordingLabel.Category("a"), List.of()));
    Corpus c = new Corpus("synthetic tones", task, recs);
    Preprocessor.Result r = Preprocessor.runWithReport(c, PipelineConfig.small(), ProgressListener.NONE);
    assertEquals(1, r.rejected().size());
    assertTrue(r.rejected().get(0).contains("broken.wav"), r.rejected().get(0));
    assertEquals(6, r.features().segments().stream().map(SegmentFeatures::recordingId).distinct().count());
    Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
        () -> Preprocessor.run(c, PipelineConfig.small(), ProgressListener.NONE));
    assertTrue(e.getMessage().contains("broken.wav"), e.getMessage());
  }
}

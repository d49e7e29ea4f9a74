package org.emoaudionet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.model.SpectrogramBranch;
import org.emoaudionet.spec.PresetNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresetsTest {
  @TempDir Path tmp;

  @Test
  void everyBundledPresetLoadsAndNamesItself() {
    for (String name : PipelineConfig.PRESETS) {
      PipelineConfig c = PipelineConfig.preset(name);
      assertEquals(name, c.preset());
      // JSON round trip (model.json, MLflow params) keeps every value.
      assertEquals(c.flatten(), PipelineConfig.fromJson(c.toJson()).flatten());
    }
  }

  @Test
  void paperPresetIsThePaper() {
    PipelineConfig p = PipelineConfig.paper();
    assertEquals(224, p.model().imageSize());
    assertEquals(128, p.model().channels());
    assertEquals(1, p.model().mfccChannels());
    assertEquals(177, p.audio().mfccFrames());
    assertEquals(44_100, p.audio().sampleRate());
    assertEquals(1e-5, p.train().learningRate());
    assertEquals(100, p.train().batchSize());
    assertEquals("val_accuracy", p.train().selectOn());
    assertEquals("none", p.train().classWeights());
    assertEquals("zero", p.audio().padding());
  }

  @Test
  void cpuPresetKeepsSpatialInformationInTheSpectrogramBranch() {
    PipelineConfig c = PipelineConfig.cpu();
    assertTrue(SpectrogramBranch.pooledSide(c.model().imageSize()) >= 2,
        "the issue asks for at least 2x2 after the second pool");
    assertEquals(13, c.model().mfccChannels());
    assertEquals("repeat", c.audio().padding());
  }

  /** A bundled preset's text, from the run vocabulary's jar (emo-spec) as the core reads it. */
  private static String bundled(String name) throws java.io.IOException {
    try (var in = PresetsTest.class.getClassLoader().getResourceAsStream(PresetNames.resource(name))) {
      org.junit.jupiter.api.Assertions.assertNotNull(in, name);
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void aUserPresetFileLoadsByPath() throws Exception {
    String yaml = bundled("cpu")
        .replace("preset: cpu", "preset: mine").replaceAll("(?m)^  channels: .*$", "  channels: 8");
    Path f = tmp.resolve("mine.yaml");
    Files.writeString(f, yaml);
    PipelineConfig c = PipelineConfig.preset(f.toString());
    assertEquals("mine", c.preset());
    assertEquals(8, c.model().channels());
  }

  @Test
  void aMissingOrUnknownKeyIsAnErrorNamingIt() throws Exception {
    String yaml = bundled("small");
    Path missing = tmp.resolve("missing.yaml");
    Files.writeString(missing, yaml.replaceAll("(?m)^  selectOn:.*$", ""));
    var e = assertThrows(IllegalArgumentException.class, () -> PipelineConfig.preset(missing.toString()));
    assertTrue(e.getMessage().contains("train.selectOn"), e.getMessage());

    Path unknown = tmp.resolve("unknown.yaml");
    Files.writeString(unknown, yaml.replace("  dropout: 0.1", "  dropout: 0.1\n  dropuot: 0.2"));
    e = assertThrows(IllegalArgumentException.class, () -> PipelineConfig.preset(unknown.toString()));
    assertTrue(e.getMessage().contains("dropuot"), e.getMessage());

    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, yaml.replace("classWeights: none", "classWeights: heavy"));
    e = assertThrows(IllegalArgumentException.class, () -> PipelineConfig.preset(bad.toString()));
    assertTrue(e.getMessage().contains("train.classWeights"), e.getMessage());
  }

  @Test
  void anUnknownPresetNameListsTheBundledOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> PipelineConfig.preset("huge"));
    assertTrue(e.getMessage().contains("[cpu, paper, small]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PipelineConfig.preset("../paper"));
  }

  @Test
  void olderModelJsonWithoutTheNewKeysGetsThePapersValues() {
    String json = PipelineConfig.small().toJson()
        .replaceAll(",\\s*\"mfccChannels\"\\s*:\\s*1", "")
        .replaceAll(",\\s*\"padding\"\\s*:\\s*\"zero\"", "")
        .replaceAll(",\\s*\"selectOn\"\\s*:\\s*\"val_accuracy\"", "")
        .replaceAll(",\\s*\"classWeights\"\\s*:\\s*\"none\"", "")
        .replaceAll(",\\s*\"folds\"\\s*:\\s*0,\\s*\"fold\"\\s*:\\s*0", "");
    assertTrue(!json.contains("mfccChannels") && !json.contains("selectOn") && !json.contains("folds"), json);
    assertEquals(PipelineConfig.small().flatten(), PipelineConfig.fromJson(json).flatten());
  }
}

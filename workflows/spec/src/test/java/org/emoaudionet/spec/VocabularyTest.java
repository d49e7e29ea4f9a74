package org.emoaudionet.spec;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  @Test
  void thePresetIndexListsEveryBundledYamlFile() throws IOException {
    // the build writes presets/index.txt from this folder: a preset is one YAML file
    try (Stream<Path> s = Files.list(Path.of("src/main/resources/presets"))) {
      List<String> files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
      assertEquals(files, PresetNames.ALL);
    }
    assertTrue(PresetNames.ALL.containsAll(List.of("cpu", "paper", "small")), PresetNames.ALL.toString());
    assertEquals("presets/cpu.yaml", PresetNames.resource("cpu"));
    assertNotNull(PresetNames.class.getClassLoader().getResource(PresetNames.resource("paper")));
  }

  @Test
  void layoutsParseTheirWireNamesAndNameTheirTasks() {
    assertEquals(Layout.DAIC_WOZ, Layout.parse("daic-woz"));
    assertEquals(Layout.MANIFEST, Layout.parse(" Manifest "));
    assertEquals(List.of("gender"), Layout.LIBRISPEECH.tasks());
    assertTrue(Layout.MANIFEST.namesFile());
    assertFalse(Layout.RECOLA.namesFile());
    var e = assertThrows(IllegalArgumentException.class, () -> Layout.parse("timit"));
    assertTrue(e.getMessage().contains("'timit'") && e.getMessage().contains("librispeech"), e.getMessage());
    assertEquals(List.of("arousal", "valence"), Layout.RECOLA.tasks());
  }

  @Test
  void splitProtocolsAndArchitecturesRefuseUnknownNamesByName() {
    assertEquals(SplitProtocol.SPEAKER, SplitProtocol.parse("speaker"));
    assertEquals(List.of("speaker", "paper"), SplitProtocol.wireNames());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SplitProtocol.parse("random"))
        .getMessage().contains("'random'"));
    assertEquals(Architecture.MFCC, Architecture.parse("MFCC"));
    assertEquals(List.of("emoaudionet", "mfcc", "spectrogram"), Architecture.wireNames());
    assertThrows(IllegalArgumentException.class, () -> Architecture.parse("resnet"));
  }

  @Test
  void everyTaskHasItsQueueAndTrainingRunsWhereAGpuMayBe() {
    assertEquals(List.of("download", "preprocess", "augment", "train", "evaluate", "register",
        "promote"), PipelineTask.IDS);
    assertEquals(TaskQueues.GPU, PipelineTask.TRAIN.queue());
    assertEquals(TaskQueues.CPU, PipelineTask.of("preprocess").queue());
    assertThrows(IllegalArgumentException.class, () -> PipelineTask.of("deploy"));
  }
}

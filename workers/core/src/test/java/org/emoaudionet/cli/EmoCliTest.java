package org.emoaudionet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaudionet.features.Npy;
import org.emoaudionet.pipeline.SampleCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `./emo` core commands, run in-process on the synthetic sample corpora. */
class EmoCliTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true));
    System.setErr(new PrintStream(err, true));
    try {
      return new Result(EmoCli.run(args), out.toString(), err.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void modelPrintsThePaperParameterCount() {
    Result r = run("model", "--preset", "paper", "--classes", "10");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("total parameters: 864,010"), r.out());
  }

  @Test
  void featuresWritesBothNetworkInputsAndAPicture() throws Exception {
    Path wav = SampleCorpora.root().resolve("recola/recordings_audio/dev_1.wav");
    Result r = run("features", wav.toString(), "--out", tmp.toString(), "--preset", "small");
    assertEquals(0, r.code(), r.err());
    assertEquals(177, Npy.read(tmp.resolve("mfcc.npy")).size());
    int[] shape = Npy.read(tmp.resolve("spectrogram.npy")).shape();
    assertEquals(3, shape[0]);
    assertEquals(64, shape[1]);
    assertTrue(Files.size(tmp.resolve("spectrogram.png")) > 500);
  }

  @Test
  void badInputIsOneClearLineNamingTheValue() throws Exception {
    Path garbage = tmp.resolve("noise.wav");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
    Result r = run("features", garbage.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("noise.wav") && !r.err().contains("\tat "), r.err());
    Result u = run("train", "--dataset", "nope:/x", "--task", "label", "--out", tmp.toString());
    assertEquals(1, u.code());
    assertTrue(u.err().contains("unknown layout 'nope'"), u.err());
  }

  @Test
  void trainThenPredictGivesJsonLinesAndReportsBadFilesOnTheirOwnLine() throws Exception {
    Path csv = SampleCorpora.root().resolve("manifest/manifest.csv");
    Path out = tmp.resolve("run");
    Result t = run("train", "--dataset", "manifest:" + csv, "--task", "label", "--out", out.toString(),
        "--epochs", "1", "--no-augment");
    assertEquals(0, t.code(), t.err());
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals("speaker", metrics.get("protocol").asText());
    assertTrue(metrics.get("n_test").asInt() > 0);
    Path bad = tmp.resolve("empty.wav");
    Files.write(bad, new byte[0]);
    Path good = SampleCorpora.root().resolve("recola/recordings_audio/dev_2.wav");
    Result p = run("predict", "--model", out.toString(), good.toString(), bad.toString());
    assertEquals(1, p.code(), "a failed file makes the exit code 1");
    String[] lines = p.out().strip().split("\n");
    assertEquals(2, lines.length, p.out());
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals(4, first.get("probabilities").size());
    double sum = 0;
    for (JsonNode v : first.get("probabilities")) sum += v.asDouble();
    assertEquals(1.0, sum, 1e-4);
    assertTrue(metrics.get("classes").toString().contains(first.get("label").asText()));
    JsonNode second = new ObjectMapper().readTree(lines[1]);
    assertTrue(second.get("error").asText().contains("empty.wav"), lines[1]);
  }

  @Test
  void evaluateAndPredictScoreAnImportedKerasSavedModel() throws Exception {
    Path model = Path.of(EmoCliTest.class.getResource("/keras/emoaudionet-small").toURI());
    Path csv = SampleCorpora.root().resolve("manifest/manifest.csv");
    Result e = run("evaluate", "--model", model.toString(), "--dataset", "manifest:" + csv,
        "--out", tmp.resolve("eval").toString());
    assertEquals(0, e.code(), e.err());
    JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("eval/metrics.json").toFile());
    assertEquals("[\"angry\",\"happy\",\"neutral\",\"sad\"]", metrics.get("classes").toString());
    assertTrue(metrics.get("n_test").asInt() > 0);
    double accuracy = metrics.get("test").get("accuracy").asDouble();
    assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
    assertTrue(Files.size(tmp.resolve("eval/confusion_matrix.png")) > 0);

    Path clip = SampleCorpora.root().resolve("manifest/clips/spk01/spk01_01.flac");
    Result p = run("predict", "--model", model.toString(), clip.toString());
    assertEquals(0, p.code(), p.err());
    JsonNode line = new ObjectMapper().readTree(p.out().strip());
    double sum = 0;
    for (JsonNode v : line.get("probabilities")) sum += v.asDouble();
    assertEquals(1.0, sum, 1e-4);
    assertTrue(metrics.get("classes").toString().contains(line.get("label").asText()));
  }
}

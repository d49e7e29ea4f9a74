package org.emoaudionet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.pipeline.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Score audio files; one JSON line per file (file, label, probabilities, value).")
final class PredictCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model folder (the train output or its model/)")
  Path modelDir;

  @Parameters(arity = "1..*", paramLabel = "AUDIO", description = "WAV or FLAC files")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    Path dir = Files.isDirectory(modelDir.resolve("model")) ? modelDir.resolve("model") : modelDir;
    ObjectMapper json = new ObjectMapper();
    int failures = 0;
    try (ScoringModel model = ScoringModels.load(dir)) {
      Predictor predictor = new Predictor(model);
      for (Path f : files) {
        ObjectNode line = json.createObjectNode();
        line.put("file", f.toString());
        try {
          Predictor.Prediction p = predictor.predict(f);
          line.put("label", p.label());
          ObjectNode probs = line.putObject("probabilities");
          p.probabilities().forEach(probs::put);
          if (!Double.isNaN(p.value())) line.put("value", p.value());
          line.put("segments", p.segments());
        } catch (Exception e) {
          // One bad file must not hide the others' results: report it on its own line.
          line.put("error", EmoCli.describe(e));
          failures++;
        }
        System.out.println(json.writeValueAsString(line));
      }
    }
    return failures == 0 ? 0 : 1;
  }
}

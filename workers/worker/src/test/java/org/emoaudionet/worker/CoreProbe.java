package org.emoaudionet.worker;

import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.TrainedModel;
import org.emoaudionet.pipeline.Augmenter;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.train.Trainer;

/**
 * Which core facade methods are still stubs (they throw UnsupportedOperationException) on this
 * branch: the end-to-end test runs only once none is.
 */
final class CoreProbe {
  private CoreProbe() {}

  interface Call {
    void run() throws Exception;
  }

  static List<String> stubs() {
    List<String> out = new ArrayList<>();
    probe(out, "CorpusLoader.load", () -> CorpusLoader.load(
        DatasetUri.parse("manifest:/nonexistent/emo-probe.csv"), "label"));
    probe(out, "Preprocessor.run", () -> Preprocessor.run(null, null, null));
    probe(out, "Augmenter.run", () -> Augmenter.run(null, null, null, null));
    probe(out, "Trainer.train", () -> Trainer.train(null, null, null, null, null, null));
    probe(out, "TrainedModel.load", () -> TrainedModel.load(java.nio.file.Path.of("/nonexistent/emo-probe")));
    probe(out, "Evaluator.evaluate", () -> Evaluator.evaluate(null, null, null, null, false, null));
    return out;
  }

  private static void probe(List<String> out, String name, Call c) {
    try {
      c.run();
    } catch (UnsupportedOperationException e) {
      out.add(name);
    } catch (Exception | Error e) {
      // implemented: it refused our nonsense input in its own way
    }
  }
}

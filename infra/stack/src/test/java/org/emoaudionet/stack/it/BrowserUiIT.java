package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minio.GetObjectArgs;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.emoaudionet.mlflow.MlflowClient;
import org.emoaudionet.mlflow.ModelVersion;
import org.emoaudionet.stack.ApiClient;
import org.emoaudionet.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's view of a finished run, in a real browser: after one short pipeline run on the
 * stack, headless Chromium opens MLflow's UI (the run's loss charts drawn, its PNG artifacts
 * decoded, the experiment's logged model, the registered model with its {@code champion} alias)
 * and Temporal's UI (the workflow and each of its activities in the event history). Every page
 * is checked on what it renders, then saved as a screenshot in {@code target/browser-ui/} and,
 * with {@code -Demo.screenshots.dir=DIR} (relative to the repository root), in DIR too: the
 * README's pictures in {@code infra/docs/} are made that way.
 */
class BrowserUiIT {
  static final String DAG = "audio_manifest_classification";
  static final String RUN = "it__browser";
  static final Path OUTPUT = Path.of("target/browser-ui").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void mlflowAndTemporalShowTheRun() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    HeadlessChromium.Install chromium = HeadlessChromium.require();
    Path home = tmp.resolve("home");
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(home), 4);
    try (Stack stack = PlatformFixture.start(PlatformFixture.config(root, home, true))) {
      ApiClient api = stack.apiClient();
      Map<String, Object> conf = new LinkedHashMap<>();
      conf.put("dataset_uri", data.toString());
      conf.put("preset", "small");
      conf.put("epochs", 2); // two points on each curve
      conf.put("augment", false);
      api.trigger(DAG, conf, RUN);
      JsonNode fin = api.await(DAG, RUN, Duration.ofMinutes(10),
          p -> System.out.println("browser-ui: " + p.line()));
      assertEquals("success", fin.path("state").asText(), fin.toString());

      // What the pages must show, from the servers' own APIs.
      MlflowClient mlflow = stack.mlflow();
      String exp = mlflow.tracking().experimentIdByName(DAG).orElseThrow();
      String runId = mlflow.tracking().runNamed(exp, RUN).orElseThrow().path("info")
          .path("run_id").asText();
      String model = "emoaudionet-" + DAG;
      assertEquals(Optional.of(1),
          mlflow.registry().aliased(model, "champion").map(ModelVersion::number),
          "promote made version 1 the champion");
      String mlflowUrl = stack.config().mlflowUrl();

      List<Path> dirs = new ArrayList<>(List.of(OUTPUT));
      String extra = System.getProperty("emo.screenshots.dir", "").strip();
      if (!extra.isEmpty()) dirs.add(root.resolve(extra)); // absolute stays absolute
      long t0 = System.nanoTime();
      try (HeadlessChromium b = HeadlessChromium.start(chromium, tmp, dirs)) {
        try {
          UiPages pages = new UiPages(b);
          pages.mlflowRunCharts(mlflowUrl, exp, runId, RUN);
          for (String png : List.of("learning_curves.png", "confusion_matrix.png")) {
            BufferedImage img = artifact(stack, "runs/" + DAG + "/" + RUN + "/" + png);
            pages.mlflowArtifactImage(mlflowUrl, exp, runId, png, img.getWidth(), img.getHeight(),
                png.startsWith("confusion") ? "mlflow-artifact" : null);
          }
          pages.mlflowLoggedModel(mlflowUrl, exp, RUN, model);
          pages.mlflowRegisteredModel(mlflowUrl, model, "champion");
          Optional<String> ui = stack.temporal().uiUrl();
          if (ui.isPresent()) {
            List<String> types = pages.temporalWorkflow(ui.get(), stack.config().namespace(),
                DAG + "/" + RUN, "EmoPipelineWorkflow",
                List.of("Download", "Preprocess", "Train", "Evaluate", "Register", "Promote"));
            System.out.println("temporal UI: activities in the history " + types);
          } else {
            // PlatformFixture fails under -Demo.it.required=true before a stack without one starts.
            System.out.println("note: Temporal's Java test server has no web UI; page not checked");
          }
        } catch (RuntimeException | AssertionError e) {
          // What the browser showed when a check gave up, next to the other screenshots.
          b.screenshotIn(OUTPUT, "failed-page");
          java.nio.file.Files.writeString(OUTPUT.resolve("failed-page.txt"),
              b.driver().getCurrentUrl() + "\n\n" + b.text());
          throw e;
        }
      }
      System.out.printf("browser: MLflow and Temporal pages checked in %.0f s; screenshots in %s%n",
          (System.nanoTime() - t0) / 1e9, dirs);
      for (Path d : dirs) {
        for (String f : List.of("mlflow-run", "mlflow-artifact", "mlflow-models",
            "mlflow-registered-model")) {
          assertTrue(java.nio.file.Files.size(d.resolve(f + ".png")) > 10_000, d + "/" + f);
        }
      }
    }
  }

  /** A PNG the run wrote to S3 (the same file MLflow holds as an artifact), decoded. */
  static BufferedImage artifact(Stack stack, String key) throws Exception {
    try (InputStream in = stack.s3().client().getObject(GetObjectArgs.builder()
        .bucket(stack.config().bucket()).object(key).build())) {
      BufferedImage img = ImageIO.read(in);
      assertTrue(img != null && img.getWidth() > 100, key + " is not a picture");
      return img;
    }
  }
}

package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.model.KerasManifest;
import org.emoaudionet.model.KerasSavedModel;
import org.emoaudionet.model.ModelManifest;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.workflows.activity.ImportModelActivity;
import org.emoaudionet.workflows.activity.ImportModelInput;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.activity.TrainOutput;

/**
 * Task {@code train} of a run with {@code conf.import_model}: the model is fetched, opened with
 * {@link ScoringModels#load} (the same call evaluate, promote and serving make, so a model that
 * passes here can be scored there), checked against this run's data and preset, and stored as
 * {@code runs/<dag>/<run>/model.tar.gz} and as the run's MLflow logged model exactly as train
 * stores a model it trained. Everything after it cannot tell the difference but by the run tag
 * {@value RunTags#MODEL_FORMAT}.
 */
public final class ImportModelActivityImpl implements ImportModelActivity {
  private final WorkerContext ctx;

  public ImportModelActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public TrainOutput importModel(ImportModelInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("train", in.dagId(), in.dagRunId(), attempt);
      String source = in.conf().importModel();
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("conf.import_model is empty: nothing to import");
      }
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "import");
      try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "import started")) {
        Path modelDir = new ModelFetcher(ctx.store, ctx.config).fetch(source.trim(), dir, log,
            (done, total) -> hb.update("fetched " + done + " of " + total + " bytes"));
        FeatureSource<?> data = ctx.source(in.features(), in.conf(), log);
        PipelineConfig ours = Configs.pipelineConfig(in.conf());
        String format = check(source, modelDir, data, ours);
        hb.update("checked");
        String modelKey = S3Keys.model(in.dagId(), in.dagRunId());
        ctx.store.putDir(modelKey, modelDir);
        String modelUri = ctx.store.uri(modelKey);
        log.say("imported " + source + " (" + format + "); model stored as " + modelUri);
        if (in.mlflowRunId() != null) {
          Map<String, String> tags = new LinkedHashMap<>();
          tags.put(RunTags.MODEL_FORMAT, format);
          tags.put(RunTags.IMPORTED_FROM, source);
          ctx.mlflow.setTags(in.mlflowRunId(), tags);
          try {
            new ModelLogger(ctx.mlflow).log(in.mlflowRunId(), modelDir, data, dir,
                Map.of(RunTags.MODEL_URI, modelUri, RunTags.IMPORTED_FROM, source), log);
          } catch (IOException | RuntimeException e) {
            // as for a trained model: S3 has it, register logs it from there if MLflow lacks it
            log.say("model not logged to MLflow: " + e.getMessage());
          }
        }
        // no epochs were run here: no history, no validation figure
        return new TrainOutput(modelKey, modelUri, List.of(), 0, Double.NaN, 0, log.text(),
            attempt);
      }
    });
  }

  /**
   * Opens the model and says its format, or refuses it naming what does not fit: the task and
   * its classes must be the data set's (evaluate compares labels by class index), and its inputs
   * the ones this run's preset makes (image size, MFCC length, audio settings).
   */
  static String check(String source, Path modelDir, FeatureSource<?> data, PipelineConfig ours)
      throws IOException {
    if (!Files.isRegularFile(modelDir.resolve(ModelManifest.FILE))
        && !Files.isRegularFile(modelDir.resolve(KerasManifest.SAVED_MODEL))) {
      throw new IllegalArgumentException("conf.import_model " + source + " is not a model"
          + " directory: neither " + ModelManifest.FILE + " (a model trained here) nor "
          + KerasManifest.SAVED_MODEL + " with " + KerasManifest.FILE
          + " (a Keras SavedModel) at its top");
    }
    try (ScoringModel model = load(source, modelDir)) {
      String format = model instanceof KerasSavedModel ? RunTags.KERAS : RunTags.EMOAUDIONET;
      String problem = mismatch(model, data, ours);
      if (problem != null) {
        throw new IllegalArgumentException("conf.import_model " + source + " (" + format
            + ") does not fit this run: " + problem);
      }
      return format;
    }
  }

  private static ScoringModel load(String source, Path modelDir) throws IOException {
    try {
      return ScoringModels.load(modelDir);
    } catch (IOException e) {
      // a malformed keras.json / model.json: the same files would fail the same way again
      throw new IllegalArgumentException("conf.import_model " + source + " cannot be opened: "
          + e.getMessage(), e);
    }
  }

  /**
   * Why the model does not fit this run's data and preset, or null. Not promote's check of a
   * champion ({@link org.emoaudionet.model.ModelCompatibility}): here the image size must also be
   * the preset's, a Keras model is held to the MFCC length its manifest names, and the messages
   * name the preset, which is what a person importing a model chose.
   */
  static String mismatch(ScoringModel model, FeatureSource<?> data, PipelineConfig ours) {
    if (!model.task().name().equals(data.task().name())) {
      return "it predicts task '" + model.task().name() + "', the data set's task is '"
          + data.task().name() + "'";
    }
    if (!model.task().classes().equals(data.task().classes())) {
      return "its classes " + model.task().classes() + " differ from the data set's "
          + data.task().classes() + " (task '" + data.task().name() + "')";
    }
    int image = model.config().model().imageSize();
    if (image != ours.model().imageSize() || image != data.imageSize()) {
      return "it takes " + image + "px spectrogram images, the run's preset '" + ours.preset()
          + "' makes " + data.imageSize() + "px";
    }
    int channels = model.config().model().mfccChannels();
    if (channels != data.mfccChannels()) {
      return "it takes " + channels + " MFCC channel(s), the run's preset '" + ours.preset()
          + "' makes " + data.mfccChannels();
    }
    int mfcc = model instanceof KerasSavedModel k ? k.manifest().mfccLength()
        : model.config().audio().mfccFrames();
    if (mfcc != data.mfccLength()) {
      return "it takes " + mfcc + " MFCC values, the run's preset '" + ours.preset()
          + "' makes " + data.mfccLength();
    }
    if (!model.config().audio().equals(ours.audio())) {
      return "its audio settings (preset '" + model.config().preset() + "': "
          + model.config().audio() + ") differ from the run's preset '" + ours.preset() + "': "
          + ours.audio();
    }
    return null;
  }
}

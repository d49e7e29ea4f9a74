package org.emoaudionet.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.spec.Architecture;

/** A trained network read back from its directory, for evaluation and prediction. */
public final class TrainedModel implements ScoringModel {
  private static final int PREDICT_BATCH = 64;

  private final ModelManifest manifest;
  private final NDManager manager;
  private final EmoAudioNetBlock block;

  private TrainedModel(ModelManifest manifest, NDManager manager, EmoAudioNetBlock block) {
    this.manifest = manifest;
    this.manager = manager;
    this.block = block;
  }

  /** Reads {@code modelDir/model.json} and its parameters (see {@link ModelManifest}). */
  public static TrainedModel load(Path modelDir) throws IOException {
    AtomicDirectory.recover(modelDir);
    ModelManifest m = ModelManifest.read(modelDir);
    NDManager manager = NDManager.newBaseManager(Devices.preferred());
    try {
      EmoAudioNetBlock block = EmoAudioNetFactory.buildInitialized(
          m.architecture(), m.config().model(), m.task().numClasses(), m.mfccLength(), manager);
      Path params = modelDir.resolve(ModelManifest.PARAMS_FILE);
      try (NDManager tmp = manager.newSubManager(Device.cpu())) {
        Map<String, NDArray> arrays = ParameterFile.read(params, tmp);
        ParameterFile.copyInto(block, arrays, name -> false, params.toString());
      }
      return new TrainedModel(m, manager, block);
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** Wraps an initialised block (ownership of {@code manager} passes to the model). */
  public static TrainedModel fromBlock(ModelManifest manifest, EmoAudioNetBlock block, NDManager manager) {
    return new TrainedModel(manifest, manager, block);
  }

  /** Writes {@code block} and {@code manifest} as a model directory, atomically. */
  public static void save(Path modelDir, ModelManifest manifest, EmoAudioNetBlock block) throws IOException {
    AtomicDirectory.publish(modelDir, dir -> {
      ParameterFile.write(dir.resolve(ModelManifest.PARAMS_FILE), ParameterFile.of(block));
      manifest.write(dir);
    });
  }

  @Override
  public TaskSpec task() {
    return manifest.task();
  }

  @Override
  public PipelineConfig config() {
    return manifest.config();
  }

  public Architecture architecture() {
    return manifest.architecture();
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public EmoAudioNetBlock block() {
    return block;
  }

  @Override
  public float[][] predict(List<SegmentFeatures> segments) {
    GradMode.off();
    List<float[]> rows = new ArrayList<>(segments.size());
    ParameterStore ps = new ParameterStore(manager, false);
    for (int from = 0; from < segments.size(); from += PREDICT_BATCH) {
      List<SegmentFeatures> batch = segments.subList(from, Math.min(segments.size(), from + PREDICT_BATCH));
      try (NDManager sub = manager.newSubManager()) {
        NDList in = InputBatch.of(batch, manifest.config().model().mfccChannels(), manifest.mfccLength(),
            manifest.config().model().imageSize(),
            manifest.mfccScaling(), sub);
        NDArray probs = block.forward(ps, in, false).singletonOrThrow().softmax(1);
        float[] flat = probs.toFloatArray();
        int k = manifest.task().numClasses();
        for (int i = 0; i < batch.size(); i++) {
          float[] row = new float[k];
          System.arraycopy(flat, i * k, row, 0, k);
          rows.add(row);
        }
      }
    }
    return rows.toArray(new float[0][]);
  }

  @Override
  public void close() {
    manager.close();
  }
}

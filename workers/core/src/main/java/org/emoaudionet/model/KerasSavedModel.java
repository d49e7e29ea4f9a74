package org.emoaudionet.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SymbolBlock;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.PairList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.features.SegmentFeatures;

/**
 * An EmoAudioNet trained in Keras and exported as a TensorFlow SavedModel, scored through DJL's
 * TensorFlow engine (inference only). Its {@link KerasManifest} says how our features become its
 * inputs: the same MFCC vector and spectrogram image a {@link TrainedModel} gets, standardised
 * and laid out channels-last where Keras wants them.
 */
public final class KerasSavedModel implements ScoringModel {
  private static final int PREDICT_BATCH = 64;

  private final KerasManifest manifest;
  private final ZooModel<NDList, NDList> model;
  private final Block block;

  private KerasSavedModel(KerasManifest manifest, ZooModel<NDList, NDList> model) {
    this.manifest = manifest;
    this.model = model;
    this.block = model.getBlock();
  }

  /** Reads {@code modelDir/keras.json} and loads {@code modelDir/saved_model.pb} with its variables. */
  public static KerasSavedModel load(Path modelDir) throws IOException {
    KerasManifest m = KerasManifest.read(modelDir);
    TensorFlowNatives.require();
    Criteria<NDList, NDList> criteria = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(modelDir)
        // Named, so that PyTorch stays the default engine for everything else in this JVM.
        .optEngine(TensorFlowNatives.ENGINE)
        .optOption("Tags", m.tags())
        .optOption("SignatureDefKey", m.signature())
        .optTranslator(new NoopTranslator())
        .build();
    ZooModel<NDList, NDList> model;
    try {
      model = criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException e) {
      throw new IOException(modelDir + ": cannot load the SavedModel: " + e.getMessage(), e);
    }
    try {
      checkSignature(modelDir, m, model.getBlock());
      return new KerasSavedModel(m, model);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * DJL falls back to another signature when the named one is missing, and matches inputs by
   * name: a manifest naming keys the graph lacks must fail here, not feed the wrong tensor.
   */
  private static void checkSignature(Path dir, KerasManifest m, Block block) throws IOException {
    List<String> inputs = block.describeInput().keys();
    for (String name : List.of(m.mfcc().name(), m.image().name())) {
      if (!inputs.contains(name)) {
        throw new IOException(dir.resolve(KerasManifest.FILE) + ": input '" + name + "' is not in the"
            + " SavedModel's signature '" + m.signature() + "' (its inputs: " + inputs + ")");
      }
    }
    if (inputs.size() != 2) {
      throw new IOException(dir + ": signature '" + m.signature() + "' takes " + inputs
          + "; an EmoAudioNet takes exactly the MFCC vector and the image");
    }
    if (!(block instanceof SymbolBlock symbols)) return;
    PairList<String, Shape> outputs = symbols.describeOutput();
    if (!outputs.keys().contains(m.output().name())) {
      throw new IOException(dir.resolve(KerasManifest.FILE) + ": output '" + m.output().name()
          + "' is not in the SavedModel's signature '" + m.signature() + "' (its outputs: " + outputs.keys() + ")");
    }
  }

  @Override
  public TaskSpec task() {
    return manifest.task();
  }

  @Override
  public PipelineConfig config() {
    return manifest.config();
  }

  public KerasManifest manifest() {
    return manifest;
  }

  @Override
  public float[][] predict(List<SegmentFeatures> segments) {
    List<float[]> rows = new ArrayList<>(segments.size());
    int k = manifest.task().numClasses();
    ParameterStore ps = new ParameterStore(model.getNDManager(), false);
    for (int from = 0; from < segments.size(); from += PREDICT_BATCH) {
      List<SegmentFeatures> batch = segments.subList(from, Math.min(segments.size(), from + PREDICT_BATCH));
      try (NDManager sub = model.getNDManager().newSubManager()) {
        NDList in = InputBatch.of(batch, manifest.mfccLength(), manifest.config().model().imageSize(),
            manifest.mfccScaling(), sub);
        // InputBatch is channels-first (the PyTorch network's layout); Keras defaults to last.
        NDArray mfcc = manifest.mfcc().channelsLast() ? in.get(0).transpose(0, 2, 1) : in.get(0);
        NDArray image = manifest.image().channelsLast() ? in.get(1).transpose(0, 2, 3, 1) : in.get(1);
        mfcc.setName(manifest.mfcc().name());
        image.setName(manifest.image().name());
        NDList out = block.forward(ps, new NDList(mfcc, image), false);
        NDArray probs = pick(out);
        if (manifest.output().logits()) probs = probs.softmax(1);
        long[] shape = probs.getShape().getShape();
        if (shape.length != 2 || shape[0] != batch.size() || shape[1] != k) {
          throw new IllegalStateException("SavedModel output '" + manifest.output().name() + "' has shape "
              + probs.getShape() + ", expected (" + batch.size() + ", " + k + ") for task "
              + manifest.task().name() + " " + manifest.task().classes());
        }
        float[] flat = probs.toFloatArray();
        for (int i = 0; i < batch.size(); i++) {
          float[] row = new float[k];
          System.arraycopy(flat, i * k, row, 0, k);
          rows.add(row);
        }
      }
    }
    return rows.toArray(new float[0][]);
  }

  private NDArray pick(NDList out) {
    if (out.size() == 1) return out.singletonOrThrow();
    NDArray named = out.get(manifest.output().name());
    if (named == null) {
      throw new IllegalStateException("SavedModel returned " + out.size() + " outputs, none named '"
          + manifest.output().name() + "'");
    }
    return named;
  }

  @Override
  public void close() {
    model.close();
  }
}

package org.emoaudionet.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.List;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.model.EmoAudioNetBlock;
import org.emoaudionet.model.GradMode;
import org.emoaudionet.model.InputBatch;
import org.emoaudionet.model.MfccScaling;

/**
 * One network being trained: forward, loss, backward and an optimiser update per batch, and
 * evaluation without dropout. Every batch's arrays live in a sub-manager closed after it.
 */
final class Network {
  /** Sum of the per-sample losses and number of correct argmax predictions of a batch. */
  record BatchStats(double lossSum, int correct, int size) {}

  private final EmoAudioNetBlock block;
  private final NDManager manager;
  private final RmsProp optimizer;
  private final LossFunction loss;
  private final int mfccLength;
  private final int imageSize;
  private final ParameterStore store;
  private final MfccScaling scaling;

  Network(EmoAudioNetBlock block, NDManager manager, RmsProp optimizer, LossFunction loss,
      int mfccLength, int imageSize) {
    this(block, manager, optimizer, loss, mfccLength, imageSize, MfccScaling.IDENTITY);
  }

  Network(EmoAudioNetBlock block, NDManager manager, RmsProp optimizer, LossFunction loss,
      int mfccLength, int imageSize, MfccScaling scaling) {
    this.scaling = scaling;
    this.block = block;
    this.manager = manager;
    this.optimizer = optimizer;
    this.loss = loss;
    this.mfccLength = mfccLength;
    this.imageSize = imageSize;
    this.store = new ParameterStore(manager, false);
  }

  BatchStats train(List<SegmentFeatures> batch) {
    try (NDManager sub = manager.newSubManager()) {
      NDList in = InputBatch.of(batch, mfccLength, imageSize, scaling, sub);
      NDArray target = oneHot(batch, sub);
      BatchStats stats;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = block.forward(store, in, true).singletonOrThrow();
        NDArray l = loss.evaluate(logits, target);
        gc.backward(l);
        stats = stats(logits, l, batch);
      }
      GradMode.off();
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray w = p.getValue().getArray();
        if (!w.hasGradient()) continue;
        NDArray g = w.getGradient();
        optimizer.update(p.getValue().getId(), w, g);
        g.subi(g); // PyTorch accumulates gradients: clear them for the next batch
        g.close();
      }
      return stats;
    }
  }

  BatchStats evaluate(List<SegmentFeatures> batch) {
    GradMode.off();
    try (NDManager sub = manager.newSubManager()) {
      NDList in = InputBatch.of(batch, mfccLength, imageSize, scaling, sub);
      NDArray logits = block.forward(store, in, false).singletonOrThrow();
      return stats(logits, loss.evaluate(logits, oneHot(batch, sub)), batch);
    }
  }

  void zeroGradients() {
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray w = p.getValue().getArray();
      if (w.hasGradient()) {
        NDArray g = w.getGradient();
        g.subi(g);
        g.close();
      }
    }
  }

  private NDArray oneHot(List<SegmentFeatures> batch, NDManager sub) {
    int k = block.classes();
    float[] t = new float[batch.size() * k];
    for (int i = 0; i < batch.size(); i++) {
      int c = batch.get(i).classIndex();
      if (c < 0 || c >= k) {
        throw new IllegalArgumentException("segment " + batch.get(i).recordingId() + "@"
            + batch.get(i).startSeconds() + ": class index " + c + " outside 0.." + (k - 1));
      }
      t[i * k + c] = 1f;
    }
    return sub.create(t, new Shape(batch.size(), k));
  }

  private static BatchStats stats(NDArray logits, NDArray meanLoss, List<SegmentFeatures> batch) {
    long[] pred = logits.argMax(1).toLongArray();
    int correct = 0;
    for (int i = 0; i < pred.length; i++) if (pred[i] == batch.get(i).classIndex()) correct++;
    return new BatchStats(meanLoss.getFloat() * (double) batch.size(), correct, batch.size());
  }
}

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
  /**
   * Sum of the per-sample losses (weighted mean x size), number of correct argmax predictions and
   * the predictions themselves (for macro-F1) of a batch.
   */
  record BatchStats(double lossSum, int correct, int size, int[] predictions) {}

  private final EmoAudioNetBlock block;
  private final NDManager manager;
  private final RmsProp optimizer;
  private final LossFunction loss;
  private final int mfccLength;
  private final int imageSize;
  private final ParameterStore store;
  private final MfccScaling scaling;
  private final int mfccChannels;
  /** Loss weight of each class; all 1 unless the config asks for balanced weights. */
  private final float[] classWeights;
  /**
   * Added to the logits inside the loss only ({@code tau * log prior}, Menon et al. 2021), or null:
   * the loss then rewards a margin that grows for rare classes, while predictions read the plain
   * logits.
   */
  private final float[] logitOffsets;

  Network(EmoAudioNetBlock block, NDManager manager, RmsProp optimizer, LossFunction loss,
      int mfccLength, int imageSize) {
    this(block, manager, optimizer, loss, mfccLength, imageSize, MfccScaling.IDENTITY);
  }

  Network(EmoAudioNetBlock block, NDManager manager, RmsProp optimizer, LossFunction loss,
      int mfccLength, int imageSize, MfccScaling scaling) {
    this(block, manager, optimizer, loss, 1, mfccLength, imageSize, scaling, null, null);
  }

  Network(EmoAudioNetBlock block, NDManager manager, RmsProp optimizer, LossFunction loss,
      int mfccChannels, int mfccLength, int imageSize, MfccScaling scaling, float[] classWeights,
      float[] logitOffsets) {
    this.logitOffsets = logitOffsets;
    this.mfccChannels = mfccChannels;
    this.classWeights = classWeights;
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
    return train(batch, null, null, null);
  }

  /**
   * @param shift draws each segment's circular time shift, or null for none
   * @param mix the batch's mixup partners and weight, or null for plain training
   * @param masks SpecAugment's masking of the inputs (partners too), or null for none
   */
  BatchStats train(List<SegmentFeatures> batch, java.util.Random shift, Mixup.Pairing mix,
      SpecAugment masks) {
    int[] shifts = null;
    if (shift != null) {
      shifts = new int[batch.size()];
      for (int i = 0; i < shifts.length; i++) shifts[i] = shift.nextInt(mfccLength);
    }
    try (NDManager sub = manager.newSubManager()) {
      NDList in = inputs(batch, shifts, masks, sub);
      NDArray target = oneHot(batch, sub);
      // Unweighted runs keep the plain batch mean (the paper presets' numerics, bit for bit).
      NDArray weights = classWeights == null ? null : sampleWeights(batch, sub);
      if (mix != null) {
        List<SegmentFeatures> partners = mix.partners(batch);
        int[] partnerShifts = shifts == null ? null : mix.partners(shifts);
        NDList other = inputs(partners, partnerShifts, masks, sub);
        float l = mix.lambda();
        in = new NDList(in.get(0).mul(l).add(other.get(0).mul(1 - l)), in.get(1).mul(l).add(other.get(1).mul(1 - l)));
        target = target.mul(l).add(oneHot(partners, sub).mul(1 - l));
      }
      BatchStats stats;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = block.forward(store, in, true).singletonOrThrow();
        NDArray l = loss(logits, target, weights, sub);
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
      NDList in = InputBatch.of(batch, mfccChannels, mfccLength, imageSize, scaling, sub);
      NDArray logits = block.forward(store, in, false).singletonOrThrow();
      NDArray target = oneHot(batch, sub);
      NDArray l = loss(logits, target, classWeights == null ? null : sampleWeights(batch, sub), sub);
      return stats(logits, l, batch);
    }
  }

  private NDList inputs(List<SegmentFeatures> batch, int[] shifts, SpecAugment masks, NDManager sub) {
    InputBatch.Arrays a = InputBatch.arrays(batch, mfccChannels, mfccLength, imageSize, scaling, shifts);
    if (masks != null) masks.apply(a);
    return a.create(sub);
  }

  /** The training loss; validation uses the same one, so that selection watches what is optimised. */
  private NDArray loss(NDArray logits, NDArray target, NDArray weights, NDManager sub) {
    NDArray z = logitOffsets == null ? logits
        : logits.add(sub.create(logitOffsets, new Shape(1, logitOffsets.length)));
    return weights == null ? loss.evaluate(z, target) : loss.evaluate(z, target, weights);
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

  private NDArray sampleWeights(List<SegmentFeatures> batch, NDManager sub) {
    float[] w = new float[batch.size()];
    for (int i = 0; i < w.length; i++) w[i] = classWeights == null ? 1f : classWeights[batch.get(i).classIndex()];
    return sub.create(w, new Shape(w.length));
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
    int[] p = new int[pred.length];
    for (int i = 0; i < pred.length; i++) {
      p[i] = (int) pred[i];
      if (pred[i] == batch.get(i).classIndex()) correct++;
    }
    return new BatchStats(meanLoss.getFloat() * (double) batch.size(), correct, batch.size(), p);
  }
}

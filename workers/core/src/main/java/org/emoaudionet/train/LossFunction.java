package org.emoaudionet.train;

import ai.djl.ndarray.NDArray;
import java.util.Locale;

/**
 * The two training losses (SPEC.md "Training"), on logits and one-hot targets, averaged over the
 * batch.
 */
public enum LossFunction {
  /** Softmax cross-entropy (paper). */
  CROSS_ENTROPY,
  /** Root-mean-square error between the softmax and the one-hot target (authors' code). */
  RMSE;

  public static LossFunction parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "cross_entropy", "crossentropy", "ce" -> CROSS_ENTROPY;
      case "rmse" -> RMSE;
      default -> throw new IllegalArgumentException(
          "unknown train.loss '" + s + "' (expected cross_entropy or rmse)");
    };
  }

  /** Mean loss over the batch, a scalar. */
  public NDArray evaluate(NDArray logits, NDArray oneHot) {
    return perSample(logits, oneHot).mean();
  }

  /**
   * Weighted mean over the batch, {@code sum(w_i * l_i) / sum(w_i)}: PyTorch's {@code
   * CrossEntropyLoss(weight=...)} reduction, so that balanced class weights keep the loss's scale.
   */
  public NDArray evaluate(NDArray logits, NDArray oneHot, NDArray sampleWeights) {
    return perSample(logits, oneHot).mul(sampleWeights).sum().div(sampleWeights.sum());
  }

  private NDArray perSample(NDArray logits, NDArray oneHot) {
    if (this == CROSS_ENTROPY) {
      return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    }
    // Per-sample RMSE over the classes, then the batch mean, as Keras averages a per-sample loss.
    return logits.softmax(1).sub(oneHot).square().mean(new int[] {1}).sqrt();
  }
}

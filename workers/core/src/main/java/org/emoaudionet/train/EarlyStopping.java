package org.emoaudionet.train;

/**
 * Stops after {@code patience} epochs without a gain of the selection score (Keras EarlyStopping,
 * min_delta 0); the epoch with the best score is the model kept. The score is what {@code
 * train.selectOn} names, higher is better: validation accuracy (the paper), macro-F1, or the
 * negated validation loss.
 */
public final class EarlyStopping {
  private final int patience;
  private double best = Double.NEGATIVE_INFINITY;
  private int bestEpoch;
  private int wait;

  public EarlyStopping(int patience) {
    if (patience < 1) throw new IllegalArgumentException("train.earlyStopPatience must be >= 1, got " + patience);
    this.patience = patience;
  }

  /** Records one epoch; returns true when it improved on the best so far. */
  public boolean update(int epoch, double score) {
    if (score > best) {
      best = score;
      bestEpoch = epoch;
      wait = 0;
      return true;
    }
    wait++;
    return false;
  }

  public boolean shouldStop() {
    return wait >= patience;
  }

  public double best() {
    return best;
  }

  public int bestEpoch() {
    return bestEpoch;
  }

  public int waitEpochs() {
    return wait;
  }

  public void restore(double best, int bestEpoch, int wait) {
    this.best = best;
    this.bestEpoch = bestEpoch;
    this.wait = wait;
  }
}

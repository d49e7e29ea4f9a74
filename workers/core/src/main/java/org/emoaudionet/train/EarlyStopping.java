package org.emoaudionet.train;

/**
 * Stops after {@code patience} epochs without a validation-accuracy gain (Keras EarlyStopping on
 * val accuracy, min_delta 0); the epoch with the best accuracy is the model kept.
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
  public boolean update(int epoch, double valAccuracy) {
    if (valAccuracy > best) {
      best = valAccuracy;
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

package org.emoaudionet.train;

/**
 * Keras' ReduceLROnPlateau on validation loss (mode min, min_delta 1e-4, cooldown 0): after
 * {@code patience} epochs without the loss falling below the best by more than min_delta, the
 * rate is multiplied by {@code factor}, not below {@code minLr}, and the wait starts again.
 */
public final class ReduceLrOnPlateau {
  static final double MIN_DELTA = 1e-4;

  private final double factor;
  private final int patience;
  private final double minLr;
  private double best = Double.POSITIVE_INFINITY;
  private int wait;

  public ReduceLrOnPlateau(double factor, int patience, double minLr) {
    if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("train.plateauFactor must be in (0, 1), got " + factor);
    if (patience < 1) throw new IllegalArgumentException("train.plateauPatience must be >= 1, got " + patience);
    this.factor = factor;
    this.patience = patience;
    this.minLr = minLr;
  }

  /** Records one epoch's validation loss; returns true when it lowered {@code lr}. */
  public boolean update(double valLoss, LearningRate lr) {
    if (valLoss < best - MIN_DELTA) {
      best = valLoss;
      wait = 0;
      return false;
    }
    wait++;
    if (wait >= patience) {
      wait = 0;
      float old = lr.get();
      float floor = (float) minLr; // compared in float, as Keras does, since the rate is a float
      if (old > floor) {
        lr.set(Math.max((float) (old * factor), floor));
        return true;
      }
    }
    return false;
  }

  public double best() {
    return best;
  }

  public int waitEpochs() {
    return wait;
  }

  public void restore(double best, int wait) {
    this.best = best;
    this.wait = wait;
  }
}

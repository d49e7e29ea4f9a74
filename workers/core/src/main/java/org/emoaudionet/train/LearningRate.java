package org.emoaudionet.train;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate that a callback may change between updates (DJL 0.36 trackers are functions of
 * the update count only, so reduce-on-plateau needs this one).
 */
public final class LearningRate implements Tracker {
  private volatile float value;

  public LearningRate(float value) {
    set(value);
  }

  public float get() {
    return value;
  }

  public void set(float value) {
    if (!(value > 0) || Float.isInfinite(value)) {
      throw new IllegalArgumentException("learning rate must be a positive number, got " + value);
    }
    this.value = value;
  }

  @Override
  public float getNewValue(int numUpdate) {
    return value;
  }
}

package org.emoaudionet.audio;

/** Mono PCM samples in [-1, 1] at {@code sampleRate}; {@code source} names where they came from. */
public record AudioClip(float[] samples, int sampleRate, String source) {
  public double durationSeconds() {
    return samples.length / (double) sampleRate;
  }
}

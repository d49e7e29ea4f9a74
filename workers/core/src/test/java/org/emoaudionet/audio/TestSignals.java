package org.emoaudionet.audio;

import java.util.Random;

/** Synthetic test signals and measurements shared by the audio and augment tests. */
public final class TestSignals {
  private TestSignals() {}

  public static float[] sine(double freq, double amplitude, double seconds, int rate) {
    float[] x = new float[(int) Math.round(seconds * rate)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
    }
    return x;
  }

  public static float[] noise(double rms, int n, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (rms * r.nextGaussian());
    }
    return x;
  }

  /** Middle half of the signal, to stay clear of filter and frame edge effects. */
  public static float[] middle(float[] x) {
    int from = x.length / 4;
    float[] m = new float[x.length / 2];
    System.arraycopy(x, from, m, 0, m.length);
    return m;
  }

  public static double rms(float[] x) {
    double s = 0;
    for (float v : x) {
      s += (double) v * v;
    }
    return Math.sqrt(s / Math.max(1, x.length));
  }

  /**
   * Dominant frequency of the middle half of {@code x}: Hann window, zero-padded FFT of at least
   * 4× the length, parabolic interpolation of the log-magnitude peak.
   */
  public static double peakFrequency(float[] x, int rate) {
    float[] m = middle(x);
    int n = Integer.highestOneBit(Math.max(2, m.length)) << 3;
    double[] re = new double[n];
    double[] im = new double[n];
    for (int i = 0; i < m.length; i++) {
      double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (m.length - 1));
      re[i] = m[i] * w;
    }
    Fft.forward(re, im);
    int best = 1;
    double bestMag = -1;
    for (int k = 1; k < n / 2 - 1; k++) {
      double mag = re[k] * re[k] + im[k] * im[k];
      if (mag > bestMag) {
        bestMag = mag;
        best = k;
      }
    }
    double a = Math.log(re[best - 1] * re[best - 1] + im[best - 1] * im[best - 1] + 1e-300);
    double b = Math.log(bestMag + 1e-300);
    double c = Math.log(re[best + 1] * re[best + 1] + im[best + 1] * im[best + 1] + 1e-300);
    double denom = a - 2 * b + c;
    double delta = denom == 0 ? 0 : 0.5 * (a - c) / denom;
    return (best + delta) * rate / n;
  }
}

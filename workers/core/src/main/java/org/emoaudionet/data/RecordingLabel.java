package org.emoaudionet.data;

/** What a recording is labelled with: a class name, a scalar, or a time series (RECOLA). */
public sealed interface RecordingLabel {
  /** A class name, e.g. {@code F}/{@code M}, {@code 0}/{@code 1}, a manifest label. */
  record Category(String name) implements RecordingLabel {}

  /** One continuous value for the whole recording, e.g. a PHQ-8 score. */
  record Scalar(double value) implements RecordingLabel {}

  /** A value every {@code stepSeconds} from time 0 (RECOLA gold standard, 40 ms). */
  record Track(double stepSeconds, double[] values) implements RecordingLabel {
    /** Mean of the track over [start, end) seconds; NaN when no value falls inside. */
    public double mean(double start, double end) {
      int from = (int) Math.ceil(start / stepSeconds - 1e-9);
      int to = (int) Math.ceil(end / stepSeconds - 1e-9);
      double sum = 0;
      int n = 0;
      for (int i = Math.max(0, from); i < Math.min(values.length, to); i++) {
        sum += values[i];
        n++;
      }
      return n == 0 ? Double.NaN : sum / n;
    }
  }
}

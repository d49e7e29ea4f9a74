package org.emoaudionet.data;

/** A half-open interval [start, end) in seconds of a recording. */
public record TimeSpan(double start, double end) {
  public TimeSpan {
    if (!(end >= start) || start < 0) {
      throw new IllegalArgumentException("bad time span [" + start + ", " + end + ")");
    }
  }

  public double length() {
    return end - start;
  }
}

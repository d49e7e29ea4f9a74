package org.emoaudionet.audio;

/** One fixed-length window of speech; {@code startSample} indexes the speech it was cut from. */
public record Segment(int startSample, float[] samples) {}

package org.emoaudionet.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts speech into fixed windows at a fixed hop (the paper: 2.5 s every 500 ms).
 *
 * <p>Windows start at 0, hop, 2·hop, ... while a whole window fits; the tail after the last
 * whole window is dropped (at most one hop of audio). Speech shorter than one window still yields
 * exactly one window, so that short real utterances count instead of vanishing from the data set:
 * zero-padded at the end ({@code zero}, the paper's presets), or the speech tiled until the window
 * is full ({@code repeat}): a 1 s word followed by 1.5 s of digital silence gives a spectrogram
 * image that is 60 % one flat colour and an MFCC floor the network learns as "short clip", where
 * tiling keeps every frame speech. Empty speech yields no window.
 */
public final class Segmenter {
  private Segmenter() {}

  public static List<Segment> cut(float[] speech, int sampleRate, double segmentSeconds,
      double hopSeconds) {
    return cut(speech, sampleRate, segmentSeconds, hopSeconds, "zero");
  }

  /** @param padding {@code zero} or {@code repeat}, for speech shorter than one window */
  public static List<Segment> cut(float[] speech, int sampleRate, double segmentSeconds,
      double hopSeconds, String padding) {
    if (sampleRate <= 0 || !(segmentSeconds > 0) || !(hopSeconds > 0)) {
      throw new IllegalArgumentException("bad segmentation: rate " + sampleRate + ", segment "
          + segmentSeconds + " s, hop " + hopSeconds + " s");
    }
    int len = (int) Math.round(segmentSeconds * sampleRate);
    int hop = Math.max(1, (int) Math.round(hopSeconds * sampleRate));
    List<Segment> out = new ArrayList<>();
    if (speech.length == 0 || len == 0) {
      return out;
    }
    if (speech.length <= len) {
      float[] w = Arrays.copyOf(speech, len);
      if (padding.equals("repeat")) {
        for (int i = speech.length; i < len; i++) w[i] = speech[i % speech.length];
      } else if (!padding.equals("zero")) {
        throw new IllegalArgumentException("padding must be 'zero' or 'repeat', got '" + padding + "'");
      }
      out.add(new Segment(0, w));
      return out;
    }
    for (int start = 0; start + len <= speech.length; start += hop) {
      out.add(new Segment(start, Arrays.copyOfRange(speech, start, start + len)));
    }
    return out;
  }

  /** Number of windows {@link #cut} returns for {@code samples} samples. */
  public static int count(int samples, int sampleRate, double segmentSeconds, double hopSeconds) {
    int len = (int) Math.round(segmentSeconds * sampleRate);
    int hop = Math.max(1, (int) Math.round(hopSeconds * sampleRate));
    if (samples == 0 || len == 0) {
      return 0;
    }
    return samples <= len ? 1 : 1 + (samples - len) / hop;
  }
}

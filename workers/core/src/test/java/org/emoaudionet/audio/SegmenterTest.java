package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  @Test
  void tenSecondsGiveSixteenSegmentsOfTwoAndAHalfSeconds() {
    int rate = 44_100;
    float[] speech = TestSignals.noise(0.1, 10 * rate, 1);
    List<Segment> segs = Segmenter.cut(speech, rate, 2.5, 0.5);
    assertEquals(16, segs.size());
    assertEquals(16, Segmenter.count(speech.length, rate, 2.5, 0.5));
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      assertEquals(i * rate / 2, s.startSample());
      assertEquals(110_250, s.samples().length);
      assertArrayEquals(Arrays.copyOfRange(speech, s.startSample(), s.startSample() + 110_250),
          s.samples());
    }
  }

  @Test
  void shortSpeechGivesOneZeroPaddedSegment() {
    float[] speech = {0.1f, 0.2f, 0.3f};
    List<Segment> segs = Segmenter.cut(speech, 4, 2.5, 0.5);
    assertEquals(1, segs.size());
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0, 0, 0, 0, 0, 0, 0}, segs.get(0).samples());
    assertEquals(0, Segmenter.cut(new float[0], 16000, 2.5, 0.5).size());
  }

  @Test
  void countsAtTheBoundaries() {
    int rate = 16000;
    assertEquals(1, Segmenter.cut(new float[40000], rate, 2.5, 0.5).size());
    assertEquals(1, Segmenter.cut(new float[47999], rate, 2.5, 0.5).size());
    assertEquals(2, Segmenter.cut(new float[48000], rate, 2.5, 0.5).size());
    assertThrows(IllegalArgumentException.class, () -> Segmenter.cut(new float[9], rate, 0, 0.5));
  }
}

package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterPaddingTest {
  @Test
  void aShortClipIsTiledOrZeroPaddedToOneWindow() {
    float[] speech = {1, 2, 3};
    List<Segment> repeat = Segmenter.cut(speech, 4, 2.0, 0.5, "repeat");
    assertEquals(1, repeat.size());
    assertEquals(List.of(1f, 2f, 3f, 1f, 2f, 3f, 1f, 2f), boxed(repeat.get(0).samples()));
    List<Segment> zero = Segmenter.cut(speech, 4, 2.0, 0.5, "zero");
    assertEquals(List.of(1f, 2f, 3f, 0f, 0f, 0f, 0f, 0f), boxed(zero.get(0).samples()));
    assertThrows(IllegalArgumentException.class, () -> Segmenter.cut(speech, 4, 2.0, 0.5, "mirror"));
  }

  @Test
  void longSpeechIsCutTheSameWhateverThePadding() {
    float[] speech = new float[20];
    for (int i = 0; i < speech.length; i++) speech[i] = i;
    assertEquals(boxed(Segmenter.cut(speech, 4, 2.0, 0.5, "zero").get(3).samples()),
        boxed(Segmenter.cut(speech, 4, 2.0, 0.5, "repeat").get(3).samples()));
  }

  private static List<Float> boxed(float[] a) {
    Float[] b = new Float[a.length];
    for (int i = 0; i < a.length; i++) b[i] = a[i];
    return List.of(b);
  }
}

package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.emoaudionet.data.TimeSpan;
import org.junit.jupiter.api.Test;

class SpeechTimelineTest {
  private static void assertSpans(List<TimeSpan> expected, List<TimeSpan> actual) {
    assertEquals(expected.size(), actual.size(), actual.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).start(), actual.get(i).start(), 1e-9, actual.toString());
      assertEquals(expected.get(i).end(), actual.get(i).end(), 1e-9, actual.toString());
    }
  }

  @Test
  void mapsWindowsAcrossRemovedPausesBackToOriginalTime() {
    // 10 Hz "recording" of 10 s; keep [1, 3) and [6, 9)
    SpeechTimeline t = SpeechTimeline.of(List.of(new TimeSpan(6, 9), new TimeSpan(1, 3)), 10, 100);
    assertEquals(50, t.speechSamples());
    assertSpans(List.of(new TimeSpan(1, 3), new TimeSpan(6, 9)), t.regions());
    assertSpans(List.of(new TimeSpan(1.5, 2.5)), t.originalSpans(5, 10, 10));
    assertSpans(List.of(new TimeSpan(2.5, 3), new TimeSpan(6, 7)), t.originalSpans(15, 15, 10));
    // window at another rate (speech resampled to 20 Hz after pause removal)
    assertSpans(List.of(new TimeSpan(2.5, 3), new TimeSpan(6, 7)), t.originalSpans(30, 30, 20));
    // zero-padded tail past the speech maps to nothing
    assertSpans(List.of(new TimeSpan(8, 9)), t.originalSpans(40, 25, 10));
    assertEquals(6.5, t.originalTime(25, 10), 1e-9);
    assertEquals(1.0, t.originalTime(0, 10), 1e-9);
  }

  @Test
  void extractJoinsTheKeptSamples() {
    float[] x = new float[10];
    for (int i = 0; i < 10; i++) {
      x[i] = i;
    }
    SpeechTimeline t = SpeechTimeline.of(List.of(new TimeSpan(0.2, 0.4), new TimeSpan(0.7, 2)),
        10, 10);
    assertArrayEquals(new float[] {2, 3, 7, 8, 9}, t.extract(x));
    SpeechTimeline id = SpeechTimeline.identity(10, 10);
    assertArrayEquals(x, id.extract(x));
    assertSpans(List.of(new TimeSpan(0.3, 0.6)), id.originalSpans(3, 3, 10));
  }

  @Test
  void silenceRemoverTimelineMatchesItsOutput() {
    int rate = 8000;
    float[] x = new float[4 * rate];
    float[] tone = TestSignals.sine(400, 0.5, 1, rate);
    System.arraycopy(tone, 0, x, 0, rate);
    System.arraycopy(tone, 0, x, 3 * rate, rate);
    AudioClip clip = new AudioClip(x, rate, "two-bursts");
    var cfg = org.emoaudionet.config.PipelineConfig.paper().audio();
    float[] speech = SilenceRemover.removePauses(clip, cfg);
    SpeechTimeline t = SilenceRemover.timeline(clip, cfg);
    assertEquals(speech.length, t.speechSamples());
    // the last 0.5 s of speech is the second burst's end
    List<TimeSpan> spans = t.originalSpans(speech.length - rate / 2, rate / 2, rate);
    assertSpans(List.of(new TimeSpan(3.5, 4.0)), spans);
  }
}

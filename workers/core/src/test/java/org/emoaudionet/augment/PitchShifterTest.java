package org.emoaudionet.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emoaudionet.audio.TestSignals;
import org.junit.jupiter.api.Test;

class PitchShifterTest {
  private static final int RATE = 44_100;

  @Test
  void pureTonesMoveBySemitonesWithLengthKept() {
    for (double f0 : new double[] {220, 440, 1000}) {
      float[] x = TestSignals.sine(f0, 0.5, 2.0, RATE);
      for (double s : new double[] {-0.5, -2, -5, 2}) {
        float[] y = PitchShifter.shift(x, RATE, s);
        assertEquals(x.length, y.length);
        double expected = f0 * Math.pow(2, s / 12);
        double measured = TestSignals.peakFrequency(y, RATE);
        assertEquals(expected, measured, expected * 0.02, f0 + " Hz shifted " + s + " st");
        double amp = TestSignals.rms(TestSignals.middle(y)) * Math.sqrt(2);
        assertTrue(amp > 0.35 && amp < 0.65, "amplitude kept roughly: " + amp);
      }
    }
  }

  @Test
  void zeroShiftIsIdentityAndTimeStretchChangesLength() {
    float[] x = TestSignals.sine(500, 0.5, 0.5, RATE);
    assertEquals(x.length, PitchShifter.shift(x, RATE, 0).length);
    assertEquals(Math.round(x.length / 1.25), PhaseVocoder.timeStretch(x, 1.25).length);
    float[] slow = PhaseVocoder.timeStretch(TestSignals.sine(500, 0.5, 1.0, RATE), 0.8);
    assertEquals(Math.round(RATE / 0.8), slow.length);
    assertEquals(500, TestSignals.peakFrequency(slow, RATE), 5); // stretch keeps the pitch
  }
}

package org.emoaudionet.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.emoaudionet.audio.AudioClip;
import org.emoaudionet.audio.AudioReader;
import org.junit.jupiter.api.Test;

class PhaseVocoderTest {
  /**
   * Reference made with librosa 0.11 (numpy 2.4), stored as 16-bit PCM:
   *
   * <pre>
   * sr = 16000; t = np.arange(4800) / sr
   * y = (0.4*np.sin(2*np.pi*(250*t + 900*t*t)) + 0.2*np.sin(2*np.pi*1800*t)).astype(np.float32)
   * z = librosa.effects.time_stretch(y, rate=1.25)   # written with round(z*32768) as int16
   * </pre>
   */
  @Test
  void timeStretchMatchesLibrosa() throws Exception {
    float[] y = new float[4800];
    for (int i = 0; i < y.length; i++) {
      double t = i / 16000.0;
      y[i] = (float) (0.4 * Math.sin(2 * Math.PI * (250 * t + 900 * t * t))
          + 0.2 * Math.sin(2 * Math.PI * 1800 * t));
    }
    AudioClip ref = AudioReader.read(Path.of(PhaseVocoderTest.class
        .getResource("/audio/librosa_time_stretch_1.25_16k.wav").toURI()));
    float[] z = PhaseVocoder.timeStretch(y, 1.25);
    assertEquals(ref.samples().length, z.length);
    double err = 0;
    double energy = 0;
    for (int i = 0; i < z.length; i++) {
      double d = z[i] - ref.samples()[i];
      err += d * d;
      energy += (double) ref.samples()[i] * ref.samples()[i];
    }
    double rel = Math.sqrt(err / energy);
    assertTrue(rel < 5e-3, "relative RMS difference from librosa " + rel);
  }

  @Test
  void lengthRoundsHalfToEvenLikePython() {
    // 57330 / 0.8 = 71662.5 -> Python round() gives 71662
    assertEquals(71662, PhaseVocoder.timeStretch(new float[57330], 0.8).length);
  }
}

package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against 10*log10(matplotlib.mlab.specgram(x, NFFT=256, Fs=44100, noverlap=128)[0]). */
class SpectrogramTest {
  @ParameterizedTest
  @ValueSource(strings = {"vowel_male", "vowel_female", "fricative_burst", "short", "tiny"})
  void psdDbMatchesMatplotlib(String name) {
    float[] x = Reference.signal(name);
    Npy.NpyArray ref = Reference.load(name + "_psd_db");
    double[][] db = new Spectrogram().psdDb(x, Reference.SR);
    assertEquals(ref.shape()[0], db.length, "frequencies");
    assertEquals(129, db.length);
    assertEquals(ref.shape()[1], db[0].length, "columns");
    assertEquals(Spectrogram.columns(x.length), db[0].length);
    double worst = 0;
    for (int f = 0; f < 129; f++) {
      for (int t = 0; t < db[f].length; t++) {
        double b = ref.get(f, t);
        if (b < -200) continue;
        double err = Math.abs(db[f][t] - b);
        worst = Math.max(worst, err);
        assertTrue(err <= 0.1, name + " psd[" + f + "][" + t + "] = " + db[f][t] + " dB, matplotlib " + b);
      }
    }
    System.out.printf("psd %s: worst error %.2e dB%n", name, worst);
  }

  @Test
  void silenceIsFlooredNotInfinite() {
    double[][] db = new Spectrogram().psdDb(new float[1000], Reference.SR);
    for (double[] row : db) for (double v : row) assertEquals(-200.0, v, 1e-9);
  }

  @Test
  void toneLandsInItsBin() {
    double hz = 44_100.0 / 256 * 20; // exactly bin 20
    double[][] db = new Spectrogram().psdDb(Reference.tone(hz, 0.1, 0.5), Reference.SR);
    int best = 0;
    for (int f = 1; f < 129; f++) if (db[f][5] > db[best][5]) best = f;
    assertEquals(20, best);
  }
}

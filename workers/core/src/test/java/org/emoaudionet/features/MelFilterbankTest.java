package org.emoaudionet.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values printed by librosa 0.11 (filters.mel(sr=44100, n_fft=2048), float64). */
class MelFilterbankTest {
  private final MelFilterbank mel = new MelFilterbank(44_100, 2048, 128);

  @Test
  void slaneyScale() {
    assertEquals(15.0, MelFilterbank.hzToMel(1000.0), 1e-12);
    assertEquals(45.245640471924965, MelFilterbank.hzToMel(8000.0), 1e-12);
    assertEquals(5577.800011749387, MelFilterbank.melToHz(40.0), 1e-9);
    assertEquals(300.0, MelFilterbank.melToHz(4.5), 1e-9); // linear part: 200/3 Hz per mel
    for (double hz : new double[] {50, 999.9, 1000, 4321, 22050}) {
      assertEquals(hz, MelFilterbank.melToHz(MelFilterbank.hzToMel(hz)), 1e-9 * hz);
    }
  }

  @Test
  void weightsMatchLibrosa() {
    assertEquals(128, mel.bands());
    assertEquals(1025, mel.bins());
    assertEquals(0.0, mel.weight(0, 0), 0.0);
    assertEquals(0.022401496035431935, mel.weight(0, 1), 1e-12);
    assertEquals(0.019705098708626186, mel.weight(0, 2), 1e-12);
    assertEquals(0.0, mel.weight(0, 3), 0.0);
    assertEquals(0.017941741334730338, mel.weight(5, 8), 1e-12);
    assertEquals(0.024164853409327787, mel.weight(5, 9), 1e-12);
    assertEquals(0.000803830419336173, mel.weight(60, 113), 1e-12);
    assertEquals(0.010585630607132369, mel.weight(60, 117), 1e-12);
    assertEquals(2.0272315387012525e-05, mel.weight(127, 961), 1e-12);
    assertEquals(0.001408664491876786, mel.weight(127, 993), 1e-12);
    assertEquals(0.0, mel.weight(127, 960), 0.0);
    assertEquals(0.04643766330188367, rowSum(127), 1e-12);
    assertEquals(0.04620062898383319, rowSum(60), 1e-12);
  }

  private double rowSum(int band) {
    double s = 0;
    for (int k = 0; k < mel.bins(); k++) s += mel.weight(band, k);
    return s;
  }
}

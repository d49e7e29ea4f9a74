package org.emoaudionet.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.config.PipelineConfig.AudioConfig;
import org.emoaudionet.data.TimeSpan;
import org.junit.jupiter.api.Test;

class SilenceRemoverTest {
  private static final int RATE = 16_000;
  private static final AudioConfig CFG = PipelineConfig.paper().audio();

  private static void put(float[] x, double from, float[] part) {
    System.arraycopy(part, 0, x, (int) Math.round(from * RATE), part.length);
  }

  /**
   * Synthetic: bursts [0, 1.5) s, [3.5, 5) s, [5.2, 6.7) s of a 0.3-amplitude tone; a 2 s and a
   * 0.2 s gap; Gaussian noise {@code floorDb} below the tone's RMS everywhere.
   */
  private static AudioClip bursts(double floorDb) {
    float[] x = new float[(int) (6.7 * RATE)];
    float[] tone = TestSignals.sine(440, 0.3, 1.5, RATE);
    put(x, 0, tone);
    put(x, 3.5, tone);
    put(x, 5.2, tone);
    double toneRms = 0.3 / Math.sqrt(2);
    float[] noise = TestSignals.noise(toneRms * Math.pow(10, floorDb / 20), x.length, 4);
    for (int i = 0; i < x.length; i++) {
      x[i] += noise[i];
    }
    return new AudioClip(x, RATE, "synthetic-bursts");
  }

  @Test
  void removesTheLongGapAndKeepsTheShortOneOverANoiseFloor30DbDown() {
    AudioClip clip = bursts(-30);
    List<TimeSpan> regions = SilenceRemover.speechRegions(clip, CFG);
    assertEquals(2, regions.size(), regions.toString());
    // the 2 s gap is removed but for the 0.1 s margins (within one 25 ms frame)
    assertEquals(0, regions.get(0).start(), 1e-9);
    assertEquals(1.6, regions.get(0).end(), 0.03);
    assertEquals(3.4, regions.get(1).start(), 0.03);
    assertEquals(6.7, regions.get(1).end(), 1e-9); // the 0.2 s gap stays inside
    float[] speech = SilenceRemover.removePauses(clip, CFG);
    assertEquals((1.6 + 3.3) * RATE, speech.length, 0.05 * RATE);
  }

  @Test
  void cleanRecordingWithLowFloorBehavesTheSame() {
    List<TimeSpan> regions = SilenceRemover.speechRegions(bursts(-60), CFG);
    assertEquals(2, regions.size(), regions.toString());
    assertEquals(1.6, regions.get(0).end(), 0.03);
    assertEquals(3.4, regions.get(1).start(), 0.03);
  }

  @Test
  void loudClickDoesNotMaskQuietSpeech() {
    // speech ~-53 dBFS between exact digital silence; one full-scale click 50 dB louder
    float[] x = new float[5 * RATE];
    float[] quiet = TestSignals.sine(300, 0.003, 1.0, RATE);
    put(x, 0.5, quiet);
    put(x, 3.0, quiet);
    x[(int) (2.2 * RATE)] = 1f;
    x[(int) (2.2 * RATE) + 1] = -1f;
    List<TimeSpan> regions = SilenceRemover.speechRegions(new AudioClip(x, RATE, "click"), CFG);
    double kept = regions.stream().mapToDouble(TimeSpan::length).sum();
    assertTrue(regions.stream().anyMatch(r -> r.start() <= 0.5 && r.end() >= 1.5), regions + "");
    assertTrue(regions.stream().anyMatch(r -> r.start() <= 3.0 && r.end() >= 4.0), regions + "");
    // 0.5 s lead (not longer than minSilence) + 2 x 1 s speech + margins + the click's frame
    assertEquals(3.025, kept, 0.03, "pauses removed: " + regions);
  }

  @Test
  void continuousSpeechLikeSignalIsKeptWhole() {
    // amplitude-modulated noise with 25 dB dips but no pause: nothing to remove
    float[] x = TestSignals.noise(0.1, 4 * RATE, 9);
    for (int i = 0; i < x.length; i++) {
      x[i] *= (float) (0.05 + 0.95 * Math.abs(Math.sin(Math.PI * 3 * i / RATE)));
    }
    List<TimeSpan> regions = SilenceRemover.speechRegions(new AudioClip(x, RATE, "am"), CFG);
    assertEquals(List.of(new TimeSpan(0, 4.0)), regions);
  }

  @Test
  void fluctuatingNoiseFloorAndSpeechLikeBurstsWork() {
    // speech-like: noise bursts with 4 Hz syllable modulation (dips 20 dB deep); floor: noise
    // whose level wanders +-5 dB around 30 dB below the bursts' mean level
    float[] x = new float[(int) (6.7 * RATE)];
    float[] syllables = TestSignals.noise(0.1, (int) (1.5 * RATE), 21);
    for (int i = 0; i < syllables.length; i++) {
      syllables[i] *= (float) (0.1 + 0.9 * Math.pow(Math.sin(Math.PI * 4 * i / RATE), 2));
    }
    put(x, 0, syllables);
    put(x, 3.5, syllables);
    put(x, 5.2, syllables);
    double level = TestSignals.rms(syllables) * Math.pow(10, -30 / 20.0);
    float[] floor = TestSignals.noise(level, x.length, 22);
    for (int i = 0; i < x.length; i++) {
      x[i] += floor[i] * (float) Math.pow(10, 5 * Math.sin(2 * Math.PI * 0.7 * i / RATE) / 20);
    }
    List<TimeSpan> regions = SilenceRemover.speechRegions(new AudioClip(x, RATE, "noisy"), CFG);
    assertEquals(2, regions.size(), regions.toString());
    assertEquals(1.6, regions.get(0).end(), 0.06);
    assertEquals(3.4, regions.get(1).start(), 0.06);
    assertEquals(6.7, regions.get(1).end(), 1e-9);
  }

  @Test
  void disabledRemovalKeepsEverything() {
    AudioConfig off = new AudioConfig(RATE, 2.5, 0.5, false, -40, 0.5, 0.025, 177);
    AudioClip clip = bursts(-30);
    assertEquals(List.of(new TimeSpan(0, clip.durationSeconds())),
        SilenceRemover.speechRegions(clip, off));
    assertEquals(clip.samples().length, SilenceRemover.removePauses(clip, off).length);
  }
}

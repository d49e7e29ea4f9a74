package org.emoaudionet.audio;

import static org.emoaudionet.audio.WavBytes.le;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 13 item 6: a header is refused for what it declares before anything is decoded,
 * resampled or allocated, and samples that are not numbers are refused naming the file.
 */
class AudioSanityTest {
  /** More than any refusal here may allocate; the 1 Hz file would need 8.5 GB without the check. */
  private static final long SMALL = 64L << 20;

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(dir.resolve(name), bytes);
  }

  /** A 16-bit mono WAV of {@code n} samples of a quiet tone at {@code rate}, as its header says. */
  private static byte[] wav(int rate, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) v[i] = (long) (8000 * Math.sin(i * 0.3 + 1));
    return new WavBytes().fmt(1, 1, rate, 16).chunk("data", le(2, v)).build();
  }

  private static long allocatedBy(Executable e) throws Throwable {
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    e.execute();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  /** Loading {@code file} as training does is refused naming it and saying {@code words}. */
  private static AudioFormatException refused(Path file, AudioLimits limits, String... words)
      throws Throwable {
    AudioFormatException[] caught = new AudioFormatException[1];
    long bytes = allocatedBy(() -> caught[0] = assertThrows(AudioFormatException.class,
        () -> AudioLoader.load(file, 44100, List.of(), limits)));
    String msg = caught[0].getMessage();
    assertTrue(msg.startsWith(file.toString() + ": "), "names the file: " + msg);
    for (String w : words) assertTrue(msg.contains(w), w + " in: " + msg);
    assertTrue(bytes < SMALL, "refused after allocating " + bytes + " bytes: " + msg);
    return caught[0];
  }

  @Test
  void wavRatesOf1HzAnd10HzAnd500kHzAreRefusedBeforeAnyBigAllocation() throws Throwable {
    // 96 KB declaring 1 Hz: 13 hours of "audio", 8.5 GB once resampled to 44.1 kHz
    refused(write("one-hertz.wav", wav(1, 48_000)), AudioLimits.training(),
        "sample rate 1 Hz", "4000 to 384000 Hz");
    // 12 KB declaring 10 Hz: 10 minutes
    refused(write("ten-hertz.wav", wav(10, 6_000)), AudioLimits.training(), "sample rate 10 Hz");
    refused(write("half-mega.wav", wav(500_000, 6_000)), AudioLimits.training(),
        "sample rate 500000 Hz");
    // the bounds themselves are rates real recordings have
    assertEquals(AudioLimits.MIN_RATE, AudioReader.read(write("min.wav", wav(4000, 400))).sampleRate());
    assertEquals(AudioLimits.MAX_RATE, AudioReader.read(write("max.wav", wav(384_000, 400))).sampleRate());
  }

  @Test
  void flacRatesOutsideTheRangeAreRefused() throws Throwable {
    byte[] flac = Files.readAllBytes(Path.of(
        AudioSanityTest.class.getResource("/audio/synth_speechlike_16k_mono.flac").toURI()));
    for (int rate : new int[] {1, 10, 500_000}) {
      byte[] b = flac.clone();
      // STREAMINFO's 20-bit sample rate, right after "fLaC" and the block header
      b[18] = (byte) (rate >> 12);
      b[19] = (byte) (rate >> 4);
      b[20] = (byte) ((rate & 0xF) << 4 | b[20] & 0x0F);
      refused(write("rate" + rate + ".flac", b), AudioLimits.training(),
          "FLAC STREAMINFO declares sample rate " + rate + " Hz");
    }
  }

  @Test
  void nanSamplesAreRefusedNamingTheFile() throws Throwable {
    Path one = write("one-nan.wav", new WavBytes().fmt(3, 1, 16000, 32)
        .chunk("data", WavBytes.floats(0.1f, 0.2f, Float.NaN, 0.3f)).build());
    refused(one, AudioLimits.training(), "sample 2 is NaN");
    float[] all = new float[16000];
    java.util.Arrays.fill(all, Float.NaN);
    Path allNan = write("all-nan.wav", new WavBytes().fmt(3, 1, 16000, 32)
        .chunk("data", WavBytes.floats(all)).build());
    AudioFormatException e = refused(allNan, AudioLimits.training(), "NaN");
    assertTrue(!e.getMessage().contains("silence"), "NaN is not silence: " + e.getMessage());
    Path doubles = write("nan64.wav", new WavBytes().fmt(3, 2, 16000, 64)
        .chunk("data", WavBytes.doubles(0.1, 0.1, 0.2, Double.NaN)).build());
    refused(doubles, AudioLimits.training(), "sample 1 (channel 1) is NaN");
  }

  @Test
  void infiniteSamplesAreRefusedNamingTheFile() throws Throwable {
    float[] all = new float[16000];
    java.util.Arrays.fill(all, Float.POSITIVE_INFINITY);
    refused(write("all-inf.wav", new WavBytes().fmt(3, 1, 16000, 32)
        .chunk("data", WavBytes.floats(all)).build()), AudioLimits.training(),
        "sample 0 is +Infinity");
    refused(write("neg-inf.wav", new WavBytes().fmt(3, 1, 16000, 32)
        .chunk("data", WavBytes.floats(0.5f, Float.NEGATIVE_INFINITY)).build()),
        AudioLimits.training(), "sample 1 is -Infinity");
  }

  @Test
  void aDeclaredDataSizeBeyondTheFileIsRefusedBeforeAllocating() throws Throwable {
    // declares 4 GB of samples in a file of a few bytes
    refused(write("huge-data.wav", new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("data", 0xFFFFFFF0L, le(2, 1, 2, 3)).build()), AudioLimits.training(),
        "declares 4294967280 bytes but only 6 bytes follow");
    byte[] flac = Files.readAllBytes(Path.of(
        AudioSanityTest.class.getResource("/audio/synth_speechlike_16k_mono.flac").toURI()));
    byte[] b = flac.clone();
    // STREAMINFO total samples (36 bits) set to 2^35: more than this file or the limit can hold
    b[21] = (byte) (b[21] & 0xF0 | 0x08);
    refused(write("huge-total.flac", b), AudioLimits.training(), "FLAC STREAMINFO declares");
  }

  @Test
  void theDurationLimitIsCheckedAgainstTheHeader() throws Throwable {
    AudioLimits twoSeconds = new AudioLimits(0, 2, "emo.test.max-seconds");
    Path three = write("three-seconds.wav", wav(16000, 48_000));
    refused(three, twoSeconds, "48000 samples at 16000 Hz (3.0 s)", "limit of 2.0 s",
        "emo.test.max-seconds");
    assertEquals(48_000, AudioReader.read(three).samples().length, "within the training limit");
    Path flac = Path.of(
        AudioSanityTest.class.getResource("/audio/synth_speechlike_16k_mono.flac").toURI());
    refused(flac, new AudioLimits(0, 0.1, "emo.test.max-seconds"),
        "FLAC STREAMINFO declares 4000 samples");
  }

  @Test
  void tooLittleAudioForOneSegmentIsRefusedSayingHowMuchIsNeeded() throws Throwable {
    AudioLimits scoring = AudioLimits.training().withMinSeconds(2.5);
    refused(write("one-sample.wav", wav(16000, 1)), scoring, "holds only 6.250e-05 s",
        "1 sample at 16000 Hz", "at least 2.5 s");
    refused(write("twenty-ms.wav", wav(16000, 320)), scoring, "holds only 0.02000 s",
        "at least 2.5 s");
    assertEquals(16000 * 3, AudioLoader.load(write("three.wav", wav(16000, 48_000)), 16000,
        List.of(), scoring).samples().length);
  }

  @Test
  void theResampledLengthIsKnownBeforeAllocating() {
    float[] x = new float[12_345];
    for (double[] r : new double[][] {{16000, 44100}, {44100, 16000}, {8000, 48000},
        {22050, 16000}, {16000 * 1.0594630943592953, 16000}}) {
      assertEquals(Resampler.resample(x, r[0], r[1]).length,
          Resampler.outputLength(x.length, r[0], r[1]), r[0] + " -> " + r[1]);
    }
  }
}

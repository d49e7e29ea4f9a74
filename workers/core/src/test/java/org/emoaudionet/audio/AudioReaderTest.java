package org.emoaudionet.audio;

import static org.emoaudionet.audio.WavBytes.concat;
import static org.emoaudionet.audio.WavBytes.le;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioReaderTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private AudioClip read(byte[] bytes) throws IOException {
    return AudioReader.read(write("clip.wav", bytes));
  }

  private static void assertSamples(float[] expected, AudioClip clip) {
    assertArrayEquals(expected, clip.samples(), 1e-6f);
  }

  private AudioFormatException rejects(String name, byte[] bytes, String reason) throws IOException {
    Path p = write(name, bytes);
    AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(p));
    assertTrue(e.getMessage().contains(name), "message names the file: " + e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains(reason.toLowerCase()),
        "message says '" + reason + "': " + e.getMessage());
    return e;
  }

  private static Path resource(String name) throws Exception {
    return Path.of(AudioReaderTest.class.getResource("/audio/" + name).toURI());
  }

  @Test
  void pcm8IsUnsigned() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 1, 8000, 8)
        .chunk("data", new byte[] {(byte) 0x80, (byte) 0xFF, 0x00, (byte) 0xC0}).build());
    assertEquals(8000, c.sampleRate());
    assertSamples(new float[] {0, 127 / 128f, -1, 0.5f}, c);
  }

  @Test
  void pcm16() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("data", le(2, 0, 16384, -32768, 32767)).build());
    assertEquals(16000, c.sampleRate());
    assertSamples(new float[] {0, 0.5f, -1, 32767 / 32768f}, c);
  }

  @Test
  void pcm24() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 1, 44100, 24)
        .chunk("data", le(3, 0, 4194304, -8388608, -4194304, 1)).build());
    assertSamples(new float[] {0, 0.5f, -1, -0.5f, 1 / 8388608f}, c);
  }

  @Test
  void pcm32() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 1, 48000, 32)
        .chunk("data", le(4, 0, 1 << 30, Integer.MIN_VALUE, -(1 << 29))).build());
    assertSamples(new float[] {0, 0.5f, -1, -0.25f}, c);
  }

  @Test
  void ieeeFloat32And64() throws IOException {
    float[] v = {0, 0.25f, -0.75f, 1};
    assertSamples(v, read(new WavBytes().fmt(3, 1, 22050, 32)
        .chunk("fact", le(4, 4)).chunk("data", WavBytes.floats(v)).build()));
    assertSamples(v, read(new WavBytes().fmt(3, 1, 22050, 64)
        .chunk("data", WavBytes.doubles(0, 0.25, -0.75, 1)).build()));
  }

  @Test
  void floatOutOfRangeIsClipped() throws IOException {
    // NaN and infinities are refused instead (AudioSanityTest)
    assertSamples(new float[] {1, -1, 0}, read(new WavBytes().fmt(3, 1, 8000, 32)
        .chunk("data", WavBytes.floats(3f, -2f, 0f)).build()));
  }

  @Test
  void extensiblePcmAndFloat() throws IOException {
    // 24 valid bits left-justified in 32-bit containers, as WAVE_FORMAT_EXTENSIBLE allows
    assertSamples(new float[] {0.5f, -0.25f}, read(new WavBytes().fmtExtensible(1, 1, 16000, 32, 24)
        .chunk("data", le(4, 0x40000000L, -(0x20000000L))).build()));
    assertSamples(new float[] {0.5f, -0.25f}, read(new WavBytes().fmtExtensible(1, 1, 16000, 16, 16)
        .chunk("data", le(2, 16384, -8192)).build()));
    assertSamples(new float[] {0.125f}, read(new WavBytes().fmtExtensible(3, 1, 16000, 32, 32)
        .chunk("data", WavBytes.floats(0.125f)).build()));
  }

  @Test
  void stereoAndMultichannelAreDownmixedByMean() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 2, 16000, 16)
        .chunk("data", le(2, 16384, -8192, 0, 32767)).build());
    assertSamples(new float[] {0.125f, 32767 / 65536f}, c);
    AudioClip six = read(new WavBytes().fmt(3, 6, 16000, 32)
        .chunk("data", WavBytes.floats(0.6f, 0, 0, 0, 0, 0)).build());
    assertSamples(new float[] {0.1f}, six);
  }

  @Test
  void unknownChunksAndOddPaddingAreSkipped() throws IOException {
    AudioClip c = read(new WavBytes().chunk("JUNK", new byte[3]).fmt(1, 1, 16000, 16)
        .chunk("LIST", "INFOISFT\u0005\0\0\0Lavf\0".getBytes())
        .chunk("bext", new byte[7]).chunk("data", le(2, 100, -100)).chunk("id3 ", new byte[5])
        .build());
    assertSamples(new float[] {100 / 32768f, -100 / 32768f}, c);
  }

  @Test
  void oddDataChunkHasTrailingPartialFrameIgnored() throws IOException {
    AudioClip c = read(new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("data", new byte[] {0, 0x40, 7}).build());
    assertSamples(new float[] {0.5f}, c);
  }

  @Test
  void streamedDataSizeReadsToEof() throws IOException {
    for (long size : new long[] {0, 0xFFFFFFFFL}) {
      AudioClip c = read(new WavBytes().riffSize(0xFFFFFFFFL).fmt(1, 1, 16000, 16)
          .chunk("data", size, le(2, 1000, 2000, 3000)).build());
      assertSamples(new float[] {1000 / 32768f, 2000 / 32768f, 3000 / 32768f}, c);
    }
  }

  @Test
  void truncatedDataIsRejected() throws IOException {
    rejects("short.wav", new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("data", 1000, le(2, 1, 2, 3)).build(), "truncated");
    // a hostile size is compared with the real file size before anything is allocated
    rejects("huge.wav", new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("data", 0xFFFFFFF0L, le(2, 1)).build(), "truncated");
    rejects("hugelist.wav", new WavBytes().fmt(1, 1, 16000, 16)
        .chunk("LIST", 0xFFFFFFF0L, new byte[4]).build(), "truncated");
    rejects("hugefmt.wav", new WavBytes().chunk("fmt ", 0x7FFFFFF0L, new byte[16]).build(), "fmt");
  }

  @Test
  void invalidHeadersAreRejected() throws IOException {
    rejects("nochan.wav", new WavBytes().fmt(1, 0, 16000, 16).chunk("data", le(2, 1)).build(),
        "zero channels");
    rejects("norate.wav", new WavBytes().fmt(1, 1, 0, 16).chunk("data", le(2, 1)).build(),
        "sample rate 0");
    rejects("nofmt.wav", new WavBytes().chunk("data", le(2, 1)).build(), "before fmt");
    rejects("nodata.wav", new WavBytes().fmt(1, 1, 16000, 16).build(), "no data chunk");
    rejects("bits12f.wav", new WavBytes().fmt(3, 1, 16000, 16).chunk("data", le(2, 1)).build(),
        "float");
    rejects("shortfmt.wav", new WavBytes().chunk("fmt ", new byte[10]).build(), "too short");
  }

  @Test
  void unsupportedCodecsAreNamed() throws IOException {
    rejects("ulaw.wav", new WavBytes().fmt(7, 1, 8000, 8).chunk("data", new byte[4]).build(),
        "mu-law");
    rejects("adpcm.wav", new WavBytes().fmt(2, 1, 8000, 4).chunk("data", new byte[4]).build(),
        "ADPCM");
    rejects("mp3.wav", new WavBytes().fmt(0x55, 2, 44100, 0).chunk("data", new byte[4]).build(),
        "MP3");
    rejects("extalaw.wav", new WavBytes().fmtExtensible(6, 1, 8000, 8, 8)
        .chunk("data", new byte[4]).build(), "A-law");
  }

  @Test
  void emptyGarbageAndTruncatedFilesAreRejected() throws IOException {
    rejects("empty.wav", new byte[0], "empty");
    byte[] junk = new byte[1000];
    new Random(1).nextBytes(junk);
    rejects("noise.wav", junk, "not a WAV or FLAC");
    rejects("text.flac", "hello world, not audio".getBytes(), "not a WAV or FLAC");
    byte[] good = new WavBytes().fmt(1, 1, 16000, 16).chunk("data", le(2, 1, 2, 3, 4)).build();
    rejects("cut.wav", Arrays.copyOf(good, 30), "truncated");
    rejects("riffonly.wav", Arrays.copyOf(good, 12), "no fmt");
    rejects("riff7.wav", Arrays.copyOf(good, 7), "truncated WAV header");
    byte[] avi = good.clone();
    System.arraycopy("AVI ".getBytes(), 0, avi, 8, 4);
    rejects("movie.avi", avi, "not WAVE");
    assertThrows(AudioFormatException.class, () -> AudioReader.read(dir.resolve("missing.wav")));
  }

  @Test
  void flacMonoEqualsTheWavItWasEncodedFrom() throws Exception {
    AudioClip wav = AudioReader.read(resource("synth_speechlike_16k_mono.wav"));
    AudioClip flac = AudioReader.read(resource("synth_speechlike_16k_mono.flac"));
    assertEquals(16000, flac.sampleRate());
    assertEquals(4000, flac.samples().length);
    assertArrayEquals(wav.samples(), flac.samples(), 1f / 32768);
    assertTrue(TestSignals.rms(flac.samples()) > 0.1, "fixture is not silent");
  }

  @Test
  void flac24BitStereoEqualsTheExtensibleWav() throws Exception {
    AudioClip wav = AudioReader.read(resource("synth_tone_44k_stereo24.wav"));
    AudioClip flac = AudioReader.read(resource("synth_tone_44k_stereo24.flac"));
    assertEquals(44100, wav.sampleRate());
    assertEquals(44100, flac.sampleRate());
    assertEquals(1764, flac.samples().length);
    assertArrayEquals(wav.samples(), flac.samples(), 1f / 8388608);
    assertTrue(TestSignals.rms(flac.samples()) > 0.1, "fixture is not silent");
  }

  @Test
  void formatIsDetectedByContentNotExtension() throws Exception {
    Path flacAsWav = dir.resolve("really-flac.wav");
    Files.copy(resource("synth_speechlike_16k_mono.flac"), flacAsWav);
    Path wavAsFlac = dir.resolve("really-wav.flac");
    Files.copy(resource("synth_speechlike_16k_mono.wav"), wavAsFlac);
    assertArrayEquals(AudioReader.read(wavAsFlac).samples(), AudioReader.read(flacAsWav).samples(),
        1f / 32768);
  }

  @Test
  void damagedFlacIsRejected() throws Exception {
    byte[] flac = Files.readAllBytes(resource("synth_speechlike_16k_mono.flac"));
    rejects("half.flac", Arrays.copyOf(flac, flac.length / 2), "FLAC");
    rejects("header.flac", Arrays.copyOf(flac, 20), "truncated");
    byte[] flipped = flac.clone();
    for (int i = flac.length / 2; i < flac.length / 2 + 40; i++) {
      flipped[i] ^= 0x5A;
    }
    rejects("flipped.flac", flipped, "FLAC");
    byte[] noRate = flac.clone();
    noRate[18] = 0;
    noRate[19] = 0;
    noRate[20] &= 0x0F;
    rejects("norate.flac", noRate, "sample rate 0");
    byte[] garbage = new byte[600];
    new Random(5).nextBytes(garbage);
    System.arraycopy(flac, 0, garbage, 0, 42);
    rejects("garbage.flac", garbage, "FLAC");
  }

  @Test
  void flacWithId3TagIsRead() throws Exception {
    byte[] flac = Files.readAllBytes(resource("synth_speechlike_16k_mono.flac"));
    byte[] id3 = new byte[10 + 300];
    System.arraycopy("ID3".getBytes(), 0, id3, 0, 3);
    id3[3] = 4;
    id3[8] = 2; // syncsafe size 2*128 + 44 = 300
    id3[9] = 44;
    AudioClip c = AudioReader.read(write("tagged.flac", concat(id3, flac)));
    assertEquals(4000, c.samples().length);
    rejects("song.mp3", concat(id3, new byte[] {(byte) 0xFF, (byte) 0xFB, 0x50, 0}), "ID3");
  }

  @Test
  void rf64WithDs64SizeIsRead() throws IOException {
    byte[] body = new WavBytes().chunk("ds64", concat(le(8, 0, 6, 3), le(4, 0)))
        .fmt(1, 1, 8000, 16).chunk("data", 0xFFFFFFFFL, le(2, 8192, -8192, 16384)).build();
    System.arraycopy("RF64".getBytes(), 0, body, 0, 4);
    assertSamples(new float[] {0.25f, -0.25f, 0.5f}, read(body));
  }

  @Test
  void fmtChunkWithCbSizeIsAccepted() throws IOException {
    byte[] fmt18 = concat(le(2, 1, 1), le(4, 8000, 16000), le(2, 2, 16, 0));
    assertSamples(new float[] {0.5f}, read(new WavBytes().chunk("fmt ", fmt18)
        .chunk("data", le(2, 16384)).build()));
  }

  @Test
  void readsPathsInsideAZipFileSystem() throws Exception {
    Path zip = dir.resolve("corpus.zip");
    byte[] wav = new WavBytes().fmt(1, 1, 16000, 16).chunk("data", le(2, 16384, -16384)).build();
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
        Map.of("create", "true"))) {
      Files.createDirectories(fs.getPath("/a"));
      Files.write(fs.getPath("/a/x.wav"), wav);
      Files.copy(resource("synth_speechlike_16k_mono.flac"), fs.getPath("/a/y.flac"));
      Files.write(fs.getPath("/a/bad.wav"), Arrays.copyOf(wav, 20));
    }
    try (FileSystem fs = FileSystems.newFileSystem(zip)) {
      assertSamples(new float[] {0.5f, -0.5f}, AudioReader.read(fs.getPath("/a/x.wav")));
      assertEquals(4000, AudioReader.read(fs.getPath("/a/y.flac")).samples().length);
      AudioFormatException e = assertThrows(AudioFormatException.class,
          () -> AudioReader.read(fs.getPath("/a/bad.wav")));
      assertTrue(e.getMessage().contains("corpus.zip") && e.getMessage().contains("bad.wav"),
          e.getMessage());
    }
  }

  @Test
  void mutatedFilesNeverThrowAnythingButAudioFormatException() throws Exception {
    byte[] wav = Files.readAllBytes(resource("synth_tone_44k_stereo24.wav"));
    byte[] flac = Files.readAllBytes(resource("synth_speechlike_16k_mono.flac"));
    Random r = new Random(11);
    for (int i = 0; i < 300; i++) {
      byte[] base = (i % 2 == 0 ? wav : flac);
      byte[] b = Arrays.copyOf(base, 1 + r.nextInt(base.length));
      for (int k = r.nextInt(6); k >= 0; k--) {
        b[r.nextInt(Math.min(b.length, 80))] = (byte) r.nextInt(256);
      }
      Path p = write("fuzz" + i + ".bin", b);
      try {
        AudioClip c = AudioReader.read(p);
        assertTrue(c.sampleRate() > 0);
        for (float v : c.samples()) {
          assertTrue(v >= -1 && v <= 1 && !Float.isNaN(v));
        }
      } catch (AudioFormatException e) {
        assertTrue(e.getMessage().contains("fuzz" + i + ".bin"), e.getMessage());
      }
    }
  }

  @Test
  void closesItsStream() throws Exception {
    // reading many files must not leak descriptors; a zip FS would refuse to close otherwise
    Path p = write("ok.wav", new WavBytes().fmt(1, 1, 8000, 16).chunk("data", le(2, 5)).build());
    for (int i = 0; i < 2000; i++) {
      AudioReader.read(p);
    }
    try (InputStream in = Files.newInputStream(p)) {
      assertEquals('R', in.read());
    }
    assertEquals(1, concat(new byte[1]).length);
  }
}

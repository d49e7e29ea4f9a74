package org.emoaudionet.worker;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A tiny SYNTHETIC manifest-layout corpus: label {@code low} is a 220 Hz tone, {@code high} an
 * 880 Hz tone, both with noise, several speakers, so that a speaker split has every class.
 */
final class SyntheticCorpus {
  private SyntheticCorpus() {}

  static Path write(Path dir, int speakers, double seconds) throws Exception {
    Files.createDirectories(dir.resolve("audio"));
    StringBuilder csv = new StringBuilder("path,label,speaker\n");
    Random rnd = new Random(7);
    int sr = 16_000;
    for (int s = 0; s < speakers; s++) {
      for (String label : new String[] {"low", "high"}) {
        double f = label.equals("low") ? 220 : 880;
        int n = (int) (seconds * sr);
        ByteBuffer pcm = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
          double v = 0.5 * Math.sin(2 * Math.PI * f * (1 + 0.01 * s) * i / sr) + 0.05 * rnd.nextGaussian();
          pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
        }
        AudioFormat fmt = new AudioFormat(sr, 16, 1, true, false);
        String name = "audio/spk" + s + "-" + label + ".wav";
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), fmt, n)) {
          AudioSystem.write(in, AudioFileFormat.Type.WAVE, dir.resolve(name).toFile());
        }
        csv.append(name).append(',').append(label).append(",spk").append(s).append('\n');
      }
    }
    Files.writeString(dir.resolve("manifest.csv"), csv);
    return dir;
  }
}

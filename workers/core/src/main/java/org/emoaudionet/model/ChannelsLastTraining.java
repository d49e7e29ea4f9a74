package org.emoaudionet.model;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether training feeds the spectrogram branch its image channels-last ({@link ChannelsLast}), as
 * inference always does. Same function, same gradients (to float rounding); only oneDNN's kernels
 * differ, and which layout is faster depends on the CPU, so it is a machine setting, not part of
 * a run's configuration: {@code EMO_CHANNELS_LAST_TRAINING} (or the system property
 * {@code emo.channelsLastTraining}) = {@code auto} (the default), {@code on} or {@code off}.
 *
 * <p>Why {@code auto} means "on a CPU with AVX-512": measured with {@code ./emo bench} (PyTorch
 * 2.7.1's oneDNN), a {@code paper} training step took 6.6 s NCHW and 10.3 s channels-last on a
 * 2-core AVX2 CPU (the 128-channel 224 px convolution's backward 2.3x slower), but 4.0–4.5 s NCHW
 * and 2.9–3.1 s channels-last on a 2-core AVX-512 CPU, where {@code small} also gained 1.3x.
 * GPUs keep NCHW: not measured there.
 */
public final class ChannelsLastTraining {
  public static final String ENV = "EMO_CHANNELS_LAST_TRAINING";
  public static final String PROPERTY = "emo.channelsLastTraining";
  private static final Pattern AVX512 = Pattern.compile("(?m)^flags\\s*:.*\\bavx512f\\b");

  private ChannelsLastTraining() {}

  /** The setting for this process, resolved for {@code device}. */
  public static boolean enabled(Device device) {
    String value = System.getProperty(PROPERTY, System.getenv(ENV));
    return resolve(value, device.isGpu(), CpuFlags.AVX512);
  }

  /** {@code value} as the user wrote it (null or blank: auto); the error names the setting. */
  static boolean resolve(String value, boolean gpu, boolean avx512) {
    String v = value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "auto": return !gpu && avx512;
      case "on": case "true": case "1": return true;
      case "off": case "false": case "0": return false;
      default:
        throw new IllegalArgumentException(ENV + " (or -D" + PROPERTY + ") is '" + value
            + "': expected auto, on or off");
    }
  }

  /** Whether {@code cpuinfo} (the text of /proc/cpuinfo) lists AVX-512 Foundation. */
  static boolean hasAvx512(String cpuinfo) {
    return AVX512.matcher(cpuinfo).find();
  }

  /** Read once: the CPU does not change while the JVM runs. Elsewhere than Linux: false. */
  private static final class CpuFlags {
    static final boolean AVX512 = read();

    private static boolean read() {
      try {
        return hasAvx512(Files.readString(Path.of("/proc/cpuinfo")));
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
  }
}

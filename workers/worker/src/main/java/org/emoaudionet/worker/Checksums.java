package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies a downloaded file against {@code conf.checksum} ({@code md5:HEX} or
 * {@code sha256:HEX}) or, for LibriSpeech's public tarballs, against the MD5 OpenSLR publishes.
 */
public final class Checksums {
  private Checksums() {}

  /**
   * OpenSLR resource 12 (https://www.openslr.org/resources/12/md5sum.txt), as reproduced
   * identically by several independent public download scripts.
   */
  static final Map<String, String> LIBRISPEECH_MD5 = Map.of(
      "dev-clean.tar.gz", "42e2234ba48799c1f50f24a7926300a1",
      "dev-other.tar.gz", "c8d0bcc9cca99d4f8b62fcc847357931",
      "test-clean.tar.gz", "32fa31d27d2e1cad72775fee3f4849a9",
      "test-other.tar.gz", "fb5a50374b501bb3bac4815ee91d3135",
      "train-clean-100.tar.gz", "2a93770f6d5c6c964bc36631d331a522",
      "train-clean-360.tar.gz", "c0e676e450a7ff2f54aeade5171606fa",
      "train-other-500.tar.gz", "d1a0fd59409feb2c614ce4d30c387708");

  /** An expected digest: algorithm ({@code MD5} or {@code SHA-256}) and lower-case hex. */
  public record Expected(String algorithm, String hex, String origin) {}

  /** Parses {@code md5:HEX} / {@code sha256:HEX}; null or blank gives empty. */
  public static Optional<Expected> parse(String checksum) {
    if (checksum == null || checksum.isBlank()) return Optional.empty();
    int colon = checksum.indexOf(':');
    String algo = colon < 0 ? "" : checksum.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String hex = colon < 0 ? "" : checksum.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
    int len = switch (algo) {
      case "md5" -> 32;
      case "sha256" -> 64;
      default -> throw new IllegalArgumentException("conf.checksum '" + checksum
          + "' must be md5:HEX or sha256:HEX");
    };
    if (hex.length() != len || !hex.matches("[0-9a-f]+")) {
      throw new IllegalArgumentException("conf.checksum '" + checksum + "': " + algo + " needs "
          + len + " hex digits");
    }
    return Optional.of(new Expected(algo.equals("md5") ? "MD5" : "SHA-256", hex, "conf.checksum"));
  }

  /** conf.checksum when given, else the published MD5 of a LibriSpeech tarball by its name. */
  public static Optional<Expected> expectedFor(String checksum, String fileName) {
    Optional<Expected> given = parse(checksum);
    if (given.isPresent()) return given;
    String md5 = LIBRISPEECH_MD5.get(fileName);
    return md5 == null ? Optional.empty()
        : Optional.of(new Expected("MD5", md5, "LibriSpeech's published MD5 of " + fileName));
  }

  /**
   * @return a line for the task log
   * @throws IllegalArgumentException on mismatch, naming the source and both digests
   */
  public static String verify(Path file, Expected expected, String source) throws IOException {
    String actual = Digests.of(expected.algorithm(), file);
    if (!actual.equals(expected.hex())) {
      throw new IllegalArgumentException("checksum mismatch for " + source + ": "
          + expected.algorithm() + " is " + actual + ", expected " + expected.hex() + " ("
          + expected.origin() + ")");
    }
    return expected.algorithm() + " verified (" + expected.origin() + "): " + actual;
  }
}

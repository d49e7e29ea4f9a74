package org.emoaudionet.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON files of the API's state folder ({@code $EMO_HOME/api}): read whole, written whole through
 * a temp file renamed over the old one, so a crash mid-write leaves the old file or the new one,
 * never half of either. Mode 600: variables may hold what their owner considers private.
 */
final class StateFiles {
  private StateFiles() {}

  private static final ObjectMapper PLAIN = new ObjectMapper();

  static Optional<JsonNode> read(Path file) {
    if (!Files.isRegularFile(file)) return Optional.empty();
    try {
      return Optional.ofNullable(PLAIN.readTree(file.toFile()));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the API state file " + file + ": " + e, e);
    }
  }

  static void write(Path file, Object value) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.write(tmp, PLAIN.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
          // not a POSIX file system: the folder's own permissions apply
        }
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw ApiException.unavailable("cannot write the API state file " + file + ": " + e);
    }
  }
}

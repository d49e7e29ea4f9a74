package org.emoaudionet.mlflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of an artifact listing, as MLflow's {@code FileInfo}.
 *
 * @param path relative to the run's artifact root (run listings) or the base name (proxy
 *     listings): the two endpoints differ, and callers know which one they asked
 */
public record FileInfo(String path, boolean isDir, long fileSize) {
  static FileInfo of(JsonNode f) {
    return new FileInfo(f.path("path").asText(), f.path("is_dir").asBoolean(false),
        f.path("file_size").asLong(0));
  }
}

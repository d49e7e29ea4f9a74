package org.emoaudionet.api.serving;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The serving endpoint's configuration (application.properties, EMO_* environment). */
@ApplicationScoped
public class ServingSettings {
  static final String MAX_FILE_BYTES = "emo.serving.max-file-bytes";
  static final String MAX_REQUEST_BYTES = "emo.serving.max-request-bytes";
  static final String MAX_FILES = "emo.serving.max-files";

  @ConfigProperty(name = "emo.mlflow.uri") String mlflowUri;
  @ConfigProperty(name = MAX_FILE_BYTES) MemorySize maxFileBytes;
  @ConfigProperty(name = MAX_REQUEST_BYTES) MemorySize maxRequestBytes;
  @ConfigProperty(name = MAX_FILES) int maxFiles;
  @ConfigProperty(name = "emo.serving.cache-size") int cacheSize;

  public String mlflowUri() {
    return mlflowUri.replaceAll("/+$", "");
  }

  public long maxFileBytes() {
    return maxFileBytes.asLongValue();
  }

  public long maxRequestBytes() {
    return maxRequestBytes.asLongValue();
  }

  public int maxFiles() {
    return maxFiles;
  }

  /** How many model versions stay loaded at once (least recently used one closed first). */
  public int cacheSize() {
    return Math.max(1, cacheSize);
  }
}

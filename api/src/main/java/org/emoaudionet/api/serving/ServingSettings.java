package org.emoaudionet.api.serving;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.emoaudionet.audio.AudioLimits;

/** The serving endpoint's configuration (application.properties, EMO_* environment). */
@ApplicationScoped
public class ServingSettings {
  static final String MAX_FILE_BYTES = "emo.serving.max-file-bytes";
  static final String MAX_REQUEST_BYTES = "emo.serving.max-request-bytes";
  static final String MAX_FILES = "emo.serving.max-files";
  static final String MAX_AUDIO_SECONDS = "emo.serving.max-audio-seconds";

  @ConfigProperty(name = "emo.mlflow.uri") String mlflowUri;
  @ConfigProperty(name = MAX_FILE_BYTES) MemorySize maxFileBytes;
  @ConfigProperty(name = MAX_REQUEST_BYTES) MemorySize maxRequestBytes;
  @ConfigProperty(name = MAX_FILES) int maxFiles;
  @ConfigProperty(name = "emo.serving.cache-size") int cacheSize;
  @ConfigProperty(name = MAX_AUDIO_SECONDS) double maxAudioSeconds;

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

  /**
   * The longest upload decoded, checked against its header before any sample is allocated:
   * shorter than training's limit, since a request holds a serving thread (and its memory) until
   * it is scored. The shortest is one segment of the model's preset ({@code Predictor}).
   */
  public AudioLimits audioLimits() {
    return new AudioLimits(0, maxAudioSeconds, MAX_AUDIO_SECONDS);
  }

  /** How many model versions stay loaded at once (least recently used one closed first). */
  public int cacheSize() {
    return Math.max(1, cacheSize);
  }
}

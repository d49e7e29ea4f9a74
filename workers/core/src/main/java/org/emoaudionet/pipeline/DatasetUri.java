package org.emoaudionet.pipeline;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A data set reference: {@code librispeech:DIR}, {@code recola:DIR}, {@code daic-woz:DIR} or
 * {@code manifest:CSV}.
 */
public record DatasetUri(Kind kind, Path path) {
  public enum Kind {
    LIBRISPEECH("librispeech"), RECOLA("recola"), DAIC_WOZ("daic-woz"), MANIFEST("manifest");

    public final String scheme;

    Kind(String scheme) {
      this.scheme = scheme;
    }
  }

  public static DatasetUri parse(String uri) {
    int colon = uri.indexOf(':');
    if (colon <= 0 || colon == uri.length() - 1) {
      throw new IllegalArgumentException("dataset URI '" + uri
          + "' must be librispeech:DIR, recola:DIR, daic-woz:DIR or manifest:CSV");
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    for (Kind k : Kind.values()) {
      if (k.scheme.equals(scheme)) return new DatasetUri(k, Path.of(uri.substring(colon + 1)));
    }
    throw new IllegalArgumentException("dataset URI '" + uri + "': unknown scheme '" + scheme
        + "' (expected librispeech, recola, daic-woz or manifest)");
  }

  @Override
  public String toString() {
    return kind.scheme + ":" + path;
  }
}

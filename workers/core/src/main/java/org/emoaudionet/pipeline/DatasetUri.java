package org.emoaudionet.pipeline;

import java.nio.file.Path;
import org.emoaudionet.spec.Layout;

/**
 * A data set reference: {@code LAYOUT:PATH}, e.g. {@code librispeech:DIR}, {@code recola:DIR},
 * {@code daic-woz:DIR} or {@code manifest:CSV} (the layouts are {@link Layout}'s).
 */
public record DatasetUri(Layout layout, Path path) {
  public static DatasetUri parse(String uri) {
    int colon = uri.indexOf(':');
    if (colon <= 0 || colon == uri.length() - 1) {
      throw new IllegalArgumentException("dataset URI '" + uri + "' must be LAYOUT:PATH with LAYOUT one of "
          + Layout.wireNames() + " (e.g. librispeech:DIR or manifest:CSV)");
    }
    Layout layout;
    try {
      layout = Layout.parse(uri.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("dataset URI '" + uri + "': " + e.getMessage(), e);
    }
    return new DatasetUri(layout, Path.of(uri.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return layout.wireName() + ":" + path;
  }
}

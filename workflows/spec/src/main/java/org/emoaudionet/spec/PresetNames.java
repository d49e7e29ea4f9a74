package org.emoaudionet.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled presets: each a YAML file {@code presets/<name>.yaml} in this module, every
 * hyperparameter a key (the core binds them into its {@code PipelineConfig}). The list is read
 * from {@code presets/index.txt}, which the build writes from the folder, so a new preset is one
 * YAML file and nothing else.
 */
public final class PresetNames {
  private PresetNames() {}

  /** The resource folder of the preset files. */
  public static final String FOLDER = "presets/";

  /**
   * The preset of a DAG file that names none: small enough for the demo and the tests to train in
   * seconds; real runs name {@code cpu} or {@code paper}.
   */
  public static final String DEFAULT = "small";

  /** The bundled preset names, sorted. */
  public static final List<String> ALL = read();

  /** The resource path of preset {@code name}'s YAML file. */
  public static String resource(String name) {
    return FOLDER + name + ".yaml";
  }

  public static boolean contains(String name) {
    return ALL.contains(name);
  }

  private static List<String> read() {
    try (InputStream in = PresetNames.class.getClassLoader().getResourceAsStream(FOLDER + "index.txt")) {
      if (in == null) {
        throw new IllegalStateException(FOLDER + "index.txt is missing from the emo-spec jar (the"
            + " build writes it: run mvn package on workflows/spec)");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim).filter(s -> !s.isEmpty()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FOLDER + "index.txt", e);
    }
  }
}

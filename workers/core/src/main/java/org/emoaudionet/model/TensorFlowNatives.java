package org.emoaudionet.model;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before DJL's TensorFlow engine is touched, that its natives can load offline. Left to
 * itself the engine would try to download them at first use and, offline, fail with a message
 * that names neither the variable nor the build step.
 */
public final class TensorFlowNatives {
  /** DJL reads it from the environment, else from a system property of the same name. */
  public static final String VARIABLE = "TENSORFLOW_LIBRARY_PATH";
  static final String ENGINE = "TensorFlow";
  static final String JNI_LIBRARY = System.mapLibraryName("jnitensorflow");

  private TensorFlowNatives() {}

  /** The folder holding the natives, as DJL will look for them. */
  public static Path require() {
    if (!Engine.hasEngine(ENGINE)) {
      throw new IllegalStateException("DJL's TensorFlow engine (ai.djl.tensorflow:tensorflow-engine)"
          + " is not on the classpath; it is needed to score a Keras SavedModel");
    }
    return require(System.getenv(VARIABLE), System.getProperty(VARIABLE));
  }

  /** As DJL resolves it: the environment variable first, else the system property. */
  static Path require(String environment, String property) {
    String value = environment;
    String source = "environment variable " + VARIABLE;
    if (value == null || value.isBlank()) {
      value = property;
      source = "system property " + VARIABLE;
    }
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(VARIABLE + " is not set: the TensorFlow natives (TF 2.16.1,"
          + " org.tensorflow:tensorflow-core-native linux-x86_64) are unpacked by the Maven build into"
          + " workers/core/target/tensorflow-native; point " + VARIABLE + " there (./emo and the stack do)");
    }
    for (String dir : value.split(File.pathSeparator)) {
      if (!dir.isBlank() && Files.isRegularFile(Path.of(dir).resolve(JNI_LIBRARY))) return Path.of(dir);
    }
    throw new IllegalStateException(source + " is '" + value + "' but no " + JNI_LIBRARY
        + " is there: run the Maven build of workers/core, which unpacks the TensorFlow natives"
        + " into workers/core/target/tensorflow-native");
  }
}

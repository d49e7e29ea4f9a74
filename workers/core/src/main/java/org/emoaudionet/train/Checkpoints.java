package org.emoaudionet.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.emoaudionet.model.AtomicDirectory;
import org.emoaudionet.model.ParameterFile;

/**
 * The checkpoints of a run: {@code checkpoints/epoch-NNNN/} with {@code state.json} ({@link
 * TrainState}), {@code params.bin} (weights) and {@code optimizer.bin} (RMSProp ms), each written
 * into a hidden temporary directory, fsynced and renamed into place; only the newest is kept.
 */
final class Checkpoints {
  static final String STATE = "state.json";
  static final String PARAMS = "params.bin";
  static final String OPTIMIZER = "optimizer.bin";
  private static final Pattern NAME = Pattern.compile("epoch-(\\d+)");

  /** A checkpoint's arrays, on the CPU manager they were read with. */
  record Loaded(Path dir, TrainState state, Map<String, NDArray> params, Map<String, NDArray> optimizer) {}

  private Checkpoints() {}

  static Path dirFor(Path checkpointsDir, int epoch) {
    return checkpointsDir.resolve(String.format("epoch-%04d", epoch));
  }

  static Path write(Path checkpointsDir, TrainState state, Map<String, NDArray> params,
      Map<String, NDArray> optimizer) throws IOException {
    Path dir = dirFor(checkpointsDir, state.epoch());
    AtomicDirectory.publish(dir, tmp -> {
      ParameterFile.write(tmp.resolve(PARAMS), params);
      ParameterFile.write(tmp.resolve(OPTIMIZER), optimizer);
      Files.writeString(tmp.resolve(STATE), state.toJson());
    });
    for (Path old : list(checkpointsDir)) {
      if (!old.equals(dir)) AtomicDirectory.deleteRecursively(old);
    }
    // Hidden leftovers of a write that a crash interrupted.
    try (Stream<Path> s = Files.list(checkpointsDir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().matches("\\.(tmp|old)-epoch-\\d+")).toList()) {
        AtomicDirectory.deleteRecursively(p);
      }
    }
    return dir;
  }

  /** The newest complete checkpoint, or null. */
  static Loaded latest(Path checkpointsDir, NDManager cpu) throws IOException {
    List<Path> all = list(checkpointsDir);
    if (all.isEmpty()) return null;
    Path dir = all.get(all.size() - 1);
    TrainState state = TrainState.fromJson(Files.readString(dir.resolve(STATE)), dir.resolve(STATE).toString());
    return new Loaded(dir, state, ParameterFile.read(dir.resolve(PARAMS), cpu),
        ParameterFile.read(dir.resolve(OPTIMIZER), cpu));
  }

  /** Published checkpoint directories, oldest first (temporaries are hidden and not listed). */
  static List<Path> list(Path checkpointsDir) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(checkpointsDir)) return out;
    try (Stream<Path> s = Files.list(checkpointsDir)) {
      s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p))
          .filter(p -> Files.isRegularFile(p.resolve(STATE)))
          .sorted((a, b) -> Integer.compare(epochOf(a), epochOf(b)))
          .forEach(out::add);
    }
    return out;
  }

  private static int epochOf(Path p) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }
}

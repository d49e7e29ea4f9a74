package org.emoaudionet.data;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.emoaudionet.spec.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads DAIC-WOZ: participants as {@code <id>_P/} folders or {@code <id>_P.zip} archives holding
 * {@code <id>_AUDIO.wav} and {@code <id>_TRANSCRIPT.csv}, with the AVEC 2017 split lists. Only the
 * participant's turns are kept ({@link Recording#regions()}). An archive is opened as a zip file
 * system that stays open, so the recording's audio path is a path inside it.
 */
public final class DaicWozReader {
  public static final List<String> TASKS = Layout.DAIC_WOZ.tasks();
  static final String TRAIN_LIST = "train_split_Depression_AVEC2017.csv";
  static final String DEV_LIST = "dev_split_Depression_AVEC2017.csv";
  static final String TEST_LIST = "full_test_split.csv";
  private static final Logger LOG = LoggerFactory.getLogger(DaicWozReader.class);

  private DaicWozReader() {}

  /** One row of a split list. */
  public record Participant(String id, Split split, int phqBinary, int phqScore, String gender) {}

  public static TaskSpec task(String name) {
    return switch (name) {
      case "phq8_binary" -> TaskSpec.categorical("phq8_binary", List.of("0", "1"));
      case "phq8_score" -> TaskSpec.integerScale("phq8_score", 0, 24);
      default -> throw new IllegalArgumentException(
          "DAIC-WOZ task '" + name + "' unknown (expected phq8_binary or phq8_score)");
    };
  }

  public static Corpus read(Path root, String task) throws IOException {
    TaskSpec spec = task(task);
    Map<String, Participant> listed = readSplitLists(root);
    Map<String, Path> sources = participantSources(root);
    for (String id : sources.keySet()) {
      if (!listed.containsKey(id)) LOG.warn("DAIC-WOZ participant {} is in no split list: skipped", id);
    }
    List<Recording> out = new ArrayList<>();
    for (Participant p : listed.values()) {
      Path source = sources.get(p.id());
      if (source == null) {
        throw new DataFormatException(root, "participant " + p.id() + " (" + p.split().wireName()
            + " list) has no " + p.id() + "_P/ folder or " + p.id() + "_P.zip");
      }
      Path dir = Files.isDirectory(source) ? source : zipFolder(source, p.id());
      Path audio = dir.resolve(p.id() + "_AUDIO.wav");
      Path transcript = dir.resolve(p.id() + "_TRANSCRIPT.csv");
      if (!Files.isRegularFile(audio)) throw new DataFormatException(source, "missing " + p.id() + "_AUDIO.wav");
      if (!Files.isRegularFile(transcript)) {
        throw new DataFormatException(source, "missing " + p.id() + "_TRANSCRIPT.csv");
      }
      RecordingLabel label = task.equals("phq8_binary")
          ? new RecordingLabel.Category(String.valueOf(p.phqBinary()))
          : new RecordingLabel.Scalar(p.phqScore());
      out.add(new Recording(p.id(), audio, p.id(), p.gender(), p.split(), label,
          participantTurns(transcript)));
    }
    return new Corpus("daic-woz", spec, out);
  }

  /** The three AVEC 2017 lists, in order train, dev, test; at least one must exist. */
  public static Map<String, Participant> readSplitLists(Path root) throws IOException {
    Map<String, Participant> out = new LinkedHashMap<>();
    boolean any = false;
    for (String name : List.of(TRAIN_LIST, DEV_LIST, TEST_LIST)) {
      Path f = root.resolve(name);
      if (!Files.isRegularFile(f)) continue;
      any = true;
      Split split = name.equals(TRAIN_LIST) ? Split.TRAIN : name.equals(DEV_LIST) ? Split.VAL : Split.TEST;
      for (Participant p : readSplitList(f, split)) {
        Participant prev = out.putIfAbsent(p.id(), p);
        if (prev != null) {
          throw new DataFormatException(f, "participant " + p.id() + " is also in the "
              + prev.split().wireName() + " list");
        }
      }
    }
    if (!any) {
      throw new DataFormatException(root, "no DAIC-WOZ split list: expected " + TRAIN_LIST + ", "
          + DEV_LIST + " and/or " + TEST_LIST);
    }
    return out;
  }

  static List<Participant> readSplitList(Path file, Split split) throws IOException {
    CsvTable t = CsvTable.read(file, ',');
    int id = t.requireColumn("Participant_ID");
    int bin = t.requireColumn("PHQ8_Binary", "PHQ_Binary");
    int score = t.requireColumn("PHQ8_Score", "PHQ_Score");
    int gender = t.column("Gender");
    List<Participant> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      if (r.fields().size() < t.header().size()) {
        throw new DataFormatException(file, r.line(), "expected " + t.header().size()
            + " columns, found " + r.fields().size());
      }
      int pid = integer(file, r, id, "Participant_ID", 0, Integer.MAX_VALUE);
      int b = integer(file, r, bin, t.header().get(bin), 0, 1);
      int s = integer(file, r, score, t.header().get(score), 0, 24);
      String g = null;
      if (gender >= 0 && !r.get(gender).isBlank()) {
        int gv = integer(file, r, gender, "Gender", 0, 1);
        g = gv == 0 ? "F" : "M";
      }
      out.add(new Participant(String.valueOf(pid), split, b, s, g));
    }
    return out;
  }

  private static int integer(Path file, CsvTable.Row r, int col, String what, int lo, int hi) {
    String s = r.get(col).strip();
    try {
      double d = Double.parseDouble(s);
      if (d == Math.rint(d) && d >= lo && d <= hi) return (int) d;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataFormatException(file, r.line(), "bad " + what + " '" + s + "' (expected an integer "
        + lo + (hi == Integer.MAX_VALUE ? " or more" : ".." + hi) + ")");
  }

  /** Participant id to its folder or archive. */
  static Map<String, Path> participantSources(Path root) throws IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.matches("\\d+_P") && Files.isDirectory(p)) {
          out.put(name.substring(0, name.length() - 2), p);
        } else if (name.matches("\\d+_P\\.zip") && Files.isRegularFile(p)) {
          out.putIfAbsent(name.substring(0, name.length() - 6), p);
        }
      }
    }
    return out;
  }

  /** The folder inside an archive holding the participant's files (its root or {@code <id>_P/}). */
  private static Path zipFolder(Path zip, String id) throws IOException {
    FileSystem fs = FileSystems.newFileSystem(zip);
    Path top = fs.getPath("/");
    if (Files.isRegularFile(top.resolve(id + "_AUDIO.wav"))) return top;
    Path nested = top.resolve(id + "_P");
    if (Files.isDirectory(nested)) return nested;
    return top;
  }

  /** Participant turns of a tab-separated transcript {@code start_time stop_time speaker value}. */
  public static List<TimeSpan> participantTurns(Path transcript) throws IOException {
    CsvTable t = CsvTable.read(transcript, '\t', false);
    int start = t.requireColumn("start_time");
    int stop = t.requireColumn("stop_time");
    int speaker = t.requireColumn("speaker");
    List<TimeSpan> out = new ArrayList<>();
    for (CsvTable.Row r : t.rows()) {
      if (r.fields().size() <= Math.max(start, Math.max(stop, speaker))) {
        throw new DataFormatException(transcript, r.line(), "expected start_time, stop_time, speaker, value");
      }
      if (!r.get(speaker).strip().equalsIgnoreCase("Participant")) continue;
      double a = seconds(transcript, r, start);
      double b = seconds(transcript, r, stop);
      if (b < a || a < 0) {
        throw new DataFormatException(transcript, r.line(), "turn ends (" + b + ") before it starts (" + a + ")");
      }
      out.add(new TimeSpan(a, b));
    }
    if (out.isEmpty()) throw new DataFormatException(transcript, "no Participant turns");
    return out;
  }

  private static double seconds(Path file, CsvTable.Row r, int col) {
    String s = r.get(col).strip();
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataFormatException(file, r.line(), "bad time '" + s + "'");
  }
}

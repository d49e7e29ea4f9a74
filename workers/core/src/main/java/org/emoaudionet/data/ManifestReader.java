package org.emoaudionet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.emoaudionet.spec.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV manifest of any labelled audio: header with required {@code path,label}, optional
 * {@code speaker}, {@code split} ({@code train|val|test}) and {@code gender}; other columns are
 * ignored. Paths are absolute or relative to the CSV's folder. Classes are the sorted distinct
 * labels.
 *
 * <p>Optional columns may be empty or say {@code unknown} (real corpora often lack a speaker's
 * gender): the value is then absent. {@code gender} takes F/M, female/male, woman/man. With the
 * {@code gender} task, rows of unknown gender are left out (with a warning that counts them).
 */
public final class ManifestReader {
  public static final List<String> TASKS = Layout.MANIFEST.tasks();
  private static final Logger LOG = LoggerFactory.getLogger(ManifestReader.class);

  private ManifestReader() {}

  /** @param task {@code label}, or {@code gender} to predict the gender column */
  public static Corpus read(Path csv, String task) throws IOException {
    if (!TASKS.contains(task)) {
      throw new IllegalArgumentException("manifest task '" + task + "' unknown (expected label or gender)");
    }
    if (!Files.isRegularFile(csv)) throw new DataFormatException(csv, "manifest file not found");
    CsvTable t = CsvTable.read(csv, ',');
    int pathCol = t.requireColumn("path");
    int labelCol = task.equals("label") ? t.requireColumn("label") : t.column("label");
    int speakerCol = t.column("speaker");
    int splitCol = t.column("split");
    int genderCol = task.equals("gender") ? t.requireColumn("gender") : t.column("gender");
    Path base = csv.toAbsolutePath().getParent();
    List<Recording> recs = new ArrayList<>();
    TreeSet<String> classes = new TreeSet<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    int unknownGender = 0;
    for (CsvTable.Row r : t.rows()) {
      String rawPath = r.get(pathCol).strip();
      if (rawPath.isEmpty()) throw new DataFormatException(csv, r.line(), "empty path");
      Path audio;
      try {
        audio = base.resolve(rawPath).normalize();
      } catch (InvalidPathException e) {
        throw new DataFormatException(csv, r.line(), "invalid path '" + rawPath + "'");
      }
      if (!Files.isRegularFile(audio)) {
        throw new DataFormatException(csv, r.line(), "audio file '" + rawPath + "' not found (" + audio + ")");
      }
      String gender = genderCol >= 0 ? gender(csv, r, r.get(genderCol)) : null;
      if (task.equals("gender") && gender == null) {
        unknownGender++;
        continue;
      }
      String label = task.equals("gender") ? gender : r.get(labelCol).strip();
      if (label == null || label.isEmpty()) {
        throw new DataFormatException(csv, r.line(), "empty " + (task.equals("gender") ? "gender" : "label")
            + " for '" + rawPath + "'");
      }
      Split split = null;
      if (splitCol >= 0 && !unknown(r.get(splitCol))) {
        String s = r.get(splitCol).strip();
        try {
          split = Split.parse(s);
        } catch (IllegalArgumentException e) {
          throw new DataFormatException(csv, r.line(), "split '" + s + "' is not train, val or test");
        }
      }
      String id = rawPath;
      if (!ids.add(id)) throw new DataFormatException(csv, r.line(), "path '" + rawPath + "' is listed twice");
      String speaker = speakerCol >= 0 && !unknown(r.get(speakerCol)) ? r.get(speakerCol).strip() : id;
      classes.add(label);
      recs.add(new Recording(id, audio, speaker, gender, split, new RecordingLabel.Category(label), List.of()));
    }
    if (unknownGender > 0) {
      LOG.warn("{}: {} rows of unknown gender left out of the gender task", csv, unknownGender);
    }
    if (recs.isEmpty()) {
      throw new DataFormatException(csv, unknownGender > 0
          ? "manifest has no row of known gender (" + unknownGender + " unknown)" : "manifest has no rows");
    }
    if (speakerCol < 0) {
      LOG.warn("{} has no speaker column: each file is its own speaker, so a speaker split is not "
          + "speaker-independent if a speaker recorded several files", csv);
    }
    return new Corpus("manifest", TaskSpec.categorical(task, List.copyOf(classes)), recs);
  }

  /** An optional value that is not there: empty, or a word for "not known". */
  static boolean unknown(String raw) {
    return switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "", "unknown", "unk", "na", "n/a", "none", "null", "?", "-" -> true;
      default -> false;
    };
  }

  private static String gender(Path csv, CsvTable.Row r, String raw) {
    if (unknown(raw)) return null;
    String g = raw.strip().toLowerCase(Locale.ROOT);
    return switch (g) {
      case "f", "female", "w", "woman" -> "F";
      case "m", "male", "man" -> "M";
      default -> throw new DataFormatException(csv, r.line(), "gender '" + raw.strip()
          + "' is not F, M, female, male or unknown");
    };
  }
}

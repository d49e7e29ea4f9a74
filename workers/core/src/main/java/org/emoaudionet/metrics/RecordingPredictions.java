package org.emoaudionet.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code predictions_recording.csv}: one row per test recording with its true and predicted class
 * and the mean segment probability of every class. People look up files, not figures: which
 * recordings went wrong, and how sure the model was, without rerunning anything.
 */
public final class RecordingPredictions {
  public static final String FILE = "predictions_recording.csv";

  private RecordingPredictions() {}

  public static void write(ParticipantLevel files, List<String> classes, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("recording_id,true,predicted");
      for (String c : classes) header.append(",p_").append(c);
      w.write(header.append('\n').toString());
      int[] predicted = ClassificationMetrics.argmax(files.probabilities());
      for (int r = 0; r < files.truth().length; r++) {
        StringBuilder row = new StringBuilder(quote(files.recordingIds().get(r)));
        row.append(',').append(quote(classes.get(files.truth()[r])));
        row.append(',').append(quote(classes.get(predicted[r])));
        for (float p : files.probabilities()[r]) row.append(',').append(String.format(Locale.ROOT, "%.6f", p));
        w.write(row.append('\n').toString());
      }
    }
  }

  /** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}

package org.emoaudionet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An AVEC 2016 gold-standard ARFF file: {@code @attribute} lines (among them {@code frameTime} and
 * {@code GoldStandard}, found by their order) and {@code @data} rows such as
 * {@code 'train_1',0.040000,-0.0153}.
 */
public final class GoldStandardArff {
  private GoldStandardArff() {}

  /** Reads the file into a track starting at time 0 with the file's frame step. */
  public static RecordingLabel.Track read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> attributes = new ArrayList<>();
    int timeCol = -1;
    int valueCol = -1;
    boolean data = false;
    List<double[]> rows = new ArrayList<>();
    List<Integer> rowLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int no = i + 1;
      if (line.isEmpty() || line.startsWith("%")) continue;
      if (!data) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("@attribute")) {
          String[] parts = line.split("\\s+");
          if (parts.length < 3) throw new DataFormatException(file, no, "malformed @attribute line");
          String name = unquote(parts[1]);
          if (name.equalsIgnoreCase("frameTime")) timeCol = attributes.size();
          if (name.equalsIgnoreCase("GoldStandard")) valueCol = attributes.size();
          attributes.add(name);
        } else if (lower.startsWith("@data")) {
          if (timeCol < 0 || valueCol < 0) {
            throw new DataFormatException(file, no,
                "@attribute frameTime and GoldStandard are required, found " + attributes);
          }
          data = true;
        } else if (!lower.startsWith("@relation")) {
          throw new DataFormatException(file, no, "unexpected header line '" + abbreviate(line) + "'");
        }
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != attributes.size()) {
        throw new DataFormatException(file, no, "expected " + attributes.size()
            + " comma-separated values, found " + cells.length);
      }
      rows.add(new double[] {number(file, no, cells[timeCol], "frameTime"),
          number(file, no, cells[valueCol], "GoldStandard")});
      rowLines.add(no);
    }
    if (!data) throw new DataFormatException(file, lines.size(), "no @data section");
    if (rows.size() < 2) throw new DataFormatException(file, lines.size(), "fewer than 2 data rows");
    return toTrack(file, rows, rowLines);
  }

  private static RecordingLabel.Track toTrack(Path file, List<double[]> rows, List<Integer> lines) {
    int n = rows.size();
    double t0 = rows.get(0)[0];
    double step = rows.get(1)[0] - t0;
    if (!(step > 0)) throw new DataFormatException(file, lines.get(1), "frameTime does not increase");
    // The track is indexed from time 0; a first frame later than one step would shift every label.
    if (t0 < -1e-6 || t0 > step + 1e-6) {
      throw new DataFormatException(file, lines.get(0),
          "first frameTime " + t0 + " is not within one frame step (" + step + " s) of 0");
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double expected = t0 + i * step;
      if (Math.abs(rows.get(i)[0] - expected) > step * 0.25) {
        throw new DataFormatException(file, lines.get(i), "frameTime " + rows.get(i)[0]
            + " breaks the regular step of " + step + " s (expected " + expected + ")");
      }
      values[i] = rows.get(i)[1];
    }
    return new RecordingLabel.Track(step, values);
  }

  private static double number(Path file, int line, String cell, String what) {
    String s = unquote(cell.strip());
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new DataFormatException(file, line, "bad " + what + " value '" + abbreviate(s) + "'");
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}

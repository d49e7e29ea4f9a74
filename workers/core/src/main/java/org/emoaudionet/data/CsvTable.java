package org.emoaudionet.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A delimited text file with a header row, read per RFC 4180 (quoted fields, doubled quotes,
 * line breaks inside quotes). Each row keeps the line number it starts on, so that readers can
 * name the line of a bad value.
 */
public record CsvTable(Path file, List<String> header, List<Row> rows) {

  /** One data row; {@code line} is 1-based and counts the header. */
  public record Row(int line, List<String> fields) {
    public String get(int column) {
      return column < fields.size() ? fields.get(column) : "";
    }
  }

  public static CsvTable read(Path file, char separator) throws IOException {
    return read(file, separator, true);
  }

  /**
   * @param quotes whether {@code "} quotes fields (RFC 4180); off for tab-separated transcripts,
   *     whose utterances may hold stray quotes
   */
  public static CsvTable read(Path file, char separator, boolean quotes) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<Row> all = parse(file, text, separator, quotes);
    if (all.isEmpty()) throw new DataFormatException(file, 1, "empty file, expected a header row");
    List<String> header = new ArrayList<>();
    for (String h : all.get(0).fields()) header.add(h.trim());
    return new CsvTable(file, header, all.subList(1, all.size()));
  }

  /** Index of the first header matching one of {@code names} (case-insensitive), or -1. */
  public int column(String... names) {
    for (String n : names) {
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).equalsIgnoreCase(n)) return i;
      }
    }
    return -1;
  }

  public int requireColumn(String... names) {
    int c = column(names);
    if (c < 0) {
      throw new DataFormatException(file, 1, "missing column " + String.join(" or ", names)
          + " (header: " + header + ")");
    }
    return c;
  }

  /** Header names in lower case to their index, for quick membership tests. */
  public Map<String, Integer> headerIndex() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < header.size(); i++) m.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
    return m;
  }

  private static List<Row> parse(Path file, String text, char sep, boolean quotes) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int line = 1;
    int rowStart = 1;
    boolean quoted = false;
    boolean fieldWasQuoted = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && text.charAt(i + 1) == '"') {
            cur.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') line++;
          cur.append(c);
        }
      } else if (c == '"' && quotes) {
        if (cur.length() > 0 && !cur.toString().isBlank()) {
          throw new DataFormatException(file, line, "quote inside an unquoted field");
        }
        cur.setLength(0);
        quoted = true;
        fieldWasQuoted = true;
      } else if (c == sep) {
        fields.add(cur.toString());
        cur.setLength(0);
        fieldWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
        endRow(rows, fields, cur, fieldWasQuoted, rowStart);
        fields = new ArrayList<>();
        fieldWasQuoted = false;
        line++;
        rowStart = line;
      } else {
        if (fieldWasQuoted && !Character.isWhitespace(c)) {
          throw new DataFormatException(file, line, "text after a closing quote");
        }
        if (!fieldWasQuoted) cur.append(c);
      }
    }
    if (quoted) throw new DataFormatException(file, rowStart, "unterminated quoted field");
    endRow(rows, fields, cur, fieldWasQuoted, rowStart);
    return rows;
  }

  private static void endRow(List<Row> rows, List<String> fields, StringBuilder cur,
      boolean wasQuoted, int line) {
    fields.add(cur.toString());
    cur.setLength(0);
    boolean blank = fields.size() == 1 && fields.get(0).isBlank() && !wasQuoted;
    if (!blank) rows.add(new Row(line, List.copyOf(fields)));
  }
}

package org.emoaudionet.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's Maven version as a PEP 440 version, which is what Airflow's clients parse
 * ({@code packaging.version.Version}): {@code 0.1.0-SNAPSHOT} is {@code 0.1.0.dev0},
 * {@code 1.2.0-rc1} is {@code 1.2.0rc1}, any other qualifier becomes a local label.
 */
final class Pep440 {
  private static final Pattern MAVEN =
      Pattern.compile("(\\d+(?:\\.\\d+)*)(?:[-.]?([A-Za-z].*))?");
  private static final Pattern PRE = Pattern.compile("(?i)(alpha|a|beta|b|rc|cr)[.-]?(\\d*)");

  private Pep440() {}

  static String of(String maven) {
    if (maven == null || maven.isBlank()) return "0.0.0.dev0";
    Matcher m = MAVEN.matcher(maven.trim());
    if (!m.matches()) return "0.0.0+" + local(maven);
    String release = m.group(1);
    String qualifier = m.group(2);
    if (qualifier == null) return release;
    if (qualifier.equalsIgnoreCase("SNAPSHOT")) return release + ".dev0";
    Matcher pre = PRE.matcher(qualifier);
    if (pre.matches()) {
      String kind = switch (pre.group(1).toLowerCase(Locale.ROOT)) {
        case "alpha", "a" -> "a";
        case "beta", "b" -> "b";
        default -> "rc";
      };
      return release + kind + (pre.group(2).isEmpty() ? "0" : pre.group(2));
    }
    return release + "+" + local(qualifier);
  }

  /** A PEP 440 local label: alphanumerics separated by dots. */
  private static String local(String s) {
    String l = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
    return l.isEmpty() ? "0" : l;
  }
}

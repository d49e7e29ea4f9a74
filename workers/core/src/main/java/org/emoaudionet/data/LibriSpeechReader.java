package org.emoaudionet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads LibriSpeech ({@code LibriSpeech/<subset>/<spk>/<chapter>/<spk>-<chapter>-<utt>.flac} and
 * {@code SPEAKERS.TXT}) for the gender task. Audio is never decoded; only when a minutes limit is
 * set is each FLAC's STREAMINFO header read for its duration.
 */
public final class LibriSpeechReader {
  public static final TaskSpec TASK = TaskSpec.categorical("gender", List.of("F", "M"));
  private static final Pattern UTTERANCE = Pattern.compile("(\\d+)-(\\d+)-(\\d+)\\.flac");

  private LibriSpeechReader() {}

  /**
   * How much of the corpus to take. The paper used 20 F + 20 M speakers, about 8 min each
   * ({@link #paper()}).
   *
   * @param maxSpeakersPerSex speakers of each sex to keep (lowest ids first, preferring those
   *     with at least {@code maxMinutesPerSpeaker} minutes in SPEAKERS.TXT); 0 or less: all
   * @param maxMinutesPerSpeaker utterances of a speaker are taken in name order until this much
   *     audio; 0 or less: all
   */
  public record Options(int maxSpeakersPerSex, double maxMinutesPerSpeaker) {
    public static Options unlimited() {
      return new Options(0, 0);
    }

    public static Options paper() {
      return new Options(20, 8.0);
    }
  }

  /** One SPEAKERS.TXT row. */
  public record SpeakerInfo(String id, String sex, String subset, double minutes, String name) {}

  public static Corpus read(Path root) throws IOException {
    return read(root, Options.unlimited());
  }

  /** @param root the folder containing {@code LibriSpeech/}, or that folder itself */
  public static Corpus read(Path root, Options options) throws IOException {
    Path base = locate(root);
    Map<String, SpeakerInfo> speakers = readSpeakers(base.resolve("SPEAKERS.TXT"));
    Map<String, List<Path>> bySpeaker = new HashMap<>();
    for (Path flac : listFlacs(base)) {
      String name = flac.getFileName().toString();
      Matcher m = UTTERANCE.matcher(name);
      Path chapterDir = flac.getParent();
      Path speakerDir = chapterDir.getParent();
      if (!m.matches() || !m.group(1).equals(speakerDir.getFileName().toString())
          || !m.group(2).equals(chapterDir.getFileName().toString())) {
        throw new DataFormatException(flac,
            "expected <subset>/<speaker>/<chapter>/<speaker>-<chapter>-<utterance>.flac");
      }
      if (!speakers.containsKey(m.group(1))) {
        throw new DataFormatException(flac,
            "speaker " + m.group(1) + " is not listed in " + base.resolve("SPEAKERS.TXT"));
      }
      bySpeaker.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(flac);
    }
    if (bySpeaker.isEmpty()) {
      throw new DataFormatException(base, "no .flac files under <subset>/<speaker>/<chapter>/");
    }
    List<Recording> out = new ArrayList<>();
    for (SpeakerInfo s : chooseSpeakers(speakers, bySpeaker, options)) {
      List<Path> files = bySpeaker.get(s.id());
      files.sort(Comparator.comparing(p -> p.getFileName().toString()));
      double budget = options.maxMinutesPerSpeaker() > 0 ? options.maxMinutesPerSpeaker() * 60 : -1;
      double taken = 0;
      for (Path f : files) {
        if (budget > 0 && taken >= budget) break;
        if (budget > 0) taken += FlacHeader.durationSeconds(f);
        String id = f.getFileName().toString().replaceFirst("\\.flac$", "");
        out.add(new Recording(id, f, s.id(), s.sex(), null,
            new RecordingLabel.Category(s.sex()), List.of()));
      }
    }
    return new Corpus("librispeech", TASK, out);
  }

  static Path locate(Path root) {
    if (Files.isDirectory(root.resolve("LibriSpeech"))) return root.resolve("LibriSpeech");
    if (Files.isRegularFile(root.resolve("SPEAKERS.TXT"))) return root;
    throw new DataFormatException(root,
        "not a LibriSpeech folder: neither LibriSpeech/ nor SPEAKERS.TXT is there");
  }

  /** Parses SPEAKERS.TXT: {@code ID | SEX | SUBSET | MINUTES | NAME}, {@code ;} comments. */
  public static Map<String, SpeakerInfo> readSpeakers(Path file) throws IOException {
    if (!Files.isRegularFile(file)) throw new DataFormatException(file, "SPEAKERS.TXT is missing");
    Map<String, SpeakerInfo> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith(";")) continue;
      // Names may contain '|' only in theory; the limit keeps everything after the 4th bar.
      String[] f = line.split("\\|", 5);
      if (f.length < 4) {
        throw new DataFormatException(file, i + 1, "expected ID | SEX | SUBSET | MINUTES | NAME");
      }
      String id = f[0].strip();
      String sex = f[1].strip().toUpperCase(java.util.Locale.ROOT);
      if (!id.matches("\\d+")) throw new DataFormatException(file, i + 1, "bad speaker id '" + id + "'");
      if (!sex.equals("F") && !sex.equals("M")) {
        throw new DataFormatException(file, i + 1, "bad SEX '" + f[1].strip() + "' (expected F or M)");
      }
      double minutes;
      try {
        minutes = Double.parseDouble(f[3].strip());
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, i + 1, "bad MINUTES '" + f[3].strip() + "'");
      }
      out.put(id, new SpeakerInfo(id, sex, f[2].strip(), minutes, f.length > 4 ? f[4].strip() : ""));
    }
    return out;
  }

  private static List<SpeakerInfo> chooseSpeakers(Map<String, SpeakerInfo> info,
      Map<String, List<Path>> present, Options o) {
    List<SpeakerInfo> chosen = new ArrayList<>();
    for (String sex : TASK.classes()) {
      List<SpeakerInfo> of = new ArrayList<>();
      for (String id : present.keySet()) if (info.get(id).sex().equals(sex)) of.add(info.get(id));
      Comparator<SpeakerInfo> order = Comparator.comparingLong(s -> Long.parseLong(s.id()));
      if (o.maxMinutesPerSpeaker() > 0) {
        // Speakers with enough audio first, so that each kept speaker gives about the same time.
        order = Comparator.<SpeakerInfo, Boolean>comparing(s -> s.minutes() < o.maxMinutesPerSpeaker())
            .thenComparing(order);
      }
      of.sort(order);
      int n = o.maxSpeakersPerSex() > 0 ? Math.min(o.maxSpeakersPerSex(), of.size()) : of.size();
      chosen.addAll(of.subList(0, n));
    }
    return chosen;
  }

  private static List<Path> listFlacs(Path base) throws IOException {
    try (Stream<Path> s = Files.walk(base, 4)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".flac"))
          .filter(Files::isRegularFile)
          .filter(p -> base.relativize(p).getNameCount() == 4)
          .sorted()
          .toList();
    }
  }
}

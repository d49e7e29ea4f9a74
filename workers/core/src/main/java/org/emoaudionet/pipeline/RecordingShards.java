package org.emoaudionet.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.data.RecordingLabel;
import org.emoaudionet.data.TimeSpan;

/**
 * A corpus's recordings dealt into shards: the unit that preprocessing fans out over the worker
 * pool and caches. Shard {@code i} is the recordings {@code [i*perShard, (i+1)*perShard)} in corpus
 * order (the manifest's, or the layout's sorted listing), so the same corpus and size always give
 * the same shards, and a changed recording changes only the shard it sits in. (A recording added
 * or removed in the middle shifts the shards after it: they are recomputed.)
 */
public final class RecordingShards {
  private RecordingShards() {}

  /** Recordings {@code [from, to)} of the corpus, shard {@code index}. */
  public record Range(int index, int from, int to) {
    public Range {
      if (index < 0 || from < 0 || to < from) {
        throw new IllegalArgumentException("shard " + index + ": bad range [" + from + ", " + to + ")");
      }
    }

    public int size() {
      return to - from;
    }
  }

  /** The shards of {@code recordings} recordings, {@code perShard} each (the last may be short). */
  public static List<Range> plan(int recordings, int perShard) {
    if (perShard < 1) {
      throw new IllegalArgumentException("recordings per shard must be >= 1, got " + perShard);
    }
    List<Range> out = new ArrayList<>();
    for (int from = 0, i = 0; from < recordings; from += perShard, i++) {
      out.add(new Range(i, from, Math.min(recordings, from + perShard)));
    }
    return out;
  }

  /** The corpus cut down to one shard's recordings, what that shard's preprocessing reads. */
  public static Corpus slice(Corpus corpus, Range range) {
    int n = corpus.recordings().size();
    if (range.to() > n) {
      throw new IllegalArgumentException("shard " + range.index() + " covers recordings "
          + range.from() + ".." + (range.to() - 1) + " but " + corpus.name() + " has " + n
          + " (the data set changed since the shards were planned)");
    }
    return new Corpus(corpus.name(), corpus.task(),
        corpus.recordings().subList(range.from(), range.to()));
  }

  /**
   * Everything of a recording that decides its segments but the audio bytes (which the caller
   * digests): id, speaker, gender, fixed split, label and annotated regions, as one canonical
   * line. A relabelled recording thus changes its shard's digest as a re-recorded one does.
   */
  public static String describe(Recording r) {
    StringBuilder b = new StringBuilder();
    b.append(r.id()).append('|').append(r.speaker()).append('|').append(r.gender()).append('|')
        .append(r.split()).append('|').append(label(r.label())).append('|');
    for (TimeSpan s : r.regions()) {
      b.append(String.format(Locale.ROOT, "%.6f-%.6f;", s.start(), s.end()));
    }
    return b.toString();
  }

  private static String label(RecordingLabel label) {
    if (label == null) return "none";
    if (label instanceof RecordingLabel.Track t) {
      return "track:" + t.stepSeconds() + ":" + Arrays.toString(t.values());
    }
    return label.toString();
  }
}

package org.emoaudionet.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.data.RecordingLabel;
import org.emoaudionet.data.Splitter;
import org.emoaudionet.data.TaskSpec;
import org.emoaudionet.data.TimeSpan;
import org.emoaudionet.features.FeatureExtractor;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;
import org.emoaudionet.features.shards.ShardIndex;
import org.emoaudionet.features.shards.ShardWriter;

/**
 * The paper's preprocessing: decode, resample, remove pauses, cut 2.5 s segments every 0.5 s,
 * compute both network inputs, and assign splits by the configured protocol.
 */
public final class Preprocessor {
  private static final Logger LOG = Logger.getLogger(Preprocessor.class.getName());

  private Preprocessor() {}

  /** The prepared segments and the recordings that could not be used, each with its reason. */
  public record Result(FeatureSet features, List<String> rejected) {}

  /** Like {@link #runWithReport} but fails when any recording is unusable. */
  public static FeatureSet run(Corpus corpus, PipelineConfig config, ProgressListener progress)
      throws IOException {
    Result r = runWithReport(corpus, config, progress);
    if (!r.rejected().isEmpty()) {
      throw new IOException(r.rejected().size() + " of " + corpus.recordings().size()
          + " recordings unusable: " + String.join("; ", r.rejected()));
    }
    return r.features();
  }

  /**
   * Unusable recordings (corrupt, silent, unlabelled) are listed in the result rather than
   * thrown, so one bad file in a large corpus is reported without losing the rest.
   */
  public static Result runWithReport(Corpus corpus, PipelineConfig config, ProgressListener progress)
      throws IOException {
    Segments s = segments(corpus, config, progress);
    if (s.segments().isEmpty()) {
      throw new IOException(corpus.name() + ": no usable segment in " + corpus.recordings().size()
          + " recordings" + (s.rejected().isEmpty() ? "" : " (" + String.join("; ", s.rejected()) + ")"));
    }
    List<SegmentFeatures> assigned = Splitter.apply(corpus, s.segments(), config.split(),
        config.train().seed());
    FeatureSet fs = new FeatureSet(corpus.task(), config.model().imageSize(),
        config.audio().mfccFrames(), config.model().mfccChannels(), assigned);
    return new Result(fs, s.rejected());
  }

  /** Every usable recording's segments in corpus order (splits as the corpus gives them). */
  record Segments(List<SegmentFeatures> segments, List<String> rejected) {}

  /** All recordings of {@code corpus} on all cores, in memory: a whole data set or one shard. */
  static Segments segments(Corpus corpus, PipelineConfig config, ProgressListener progress)
      throws IOException {
    List<Recording> recs = corpus.recordings();
    List<List<SegmentFeatures>> perRecording = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    for (int i = 0; i < recs.size(); i++) {
      perRecording.add(List.of());
      rejected.add(null);
    }
    AtomicLong done = new AtomicLong();
    progress.progress("preprocess", 0, recs.size(), corpus.name());
    ParallelRecordings.forEach(recs.size(), () -> new FeatureExtractor(config), (i, fx) -> {
      Recording rec = recs.get(i);
      prepareOne(rec, corpus.task(), config, fx, i, perRecording, rejected);
      progress.progress("preprocess", done.incrementAndGet(), recs.size(), rec.id());
    });
    List<SegmentFeatures> all = new ArrayList<>();
    for (List<SegmentFeatures> l : perRecording) all.addAll(l);
    List<String> problems = rejected.stream().filter(s -> s != null).toList();
    problems.forEach(p -> LOG.warning("skipped " + p));
    return new Segments(all, problems);
  }

  /** What {@link #toShards} wrote, and the recordings that could not be used. */
  public record ShardResult(ShardIndex index, List<String> rejected) {}

  /**
   * Preprocessing into a shard folder with memory bounded by a window of recordings: recordings
   * are processed on all cores a window at a time and written in corpus order, so the rows are
   * those of {@link #runWithReport}. Splits are not written ({@code ""}, or the corpus's own):
   * they are a function of the labels ({@link org.emoaudionet.data.Splitter#assign}), applied
   * when the folder is read, so another split or seed reuses the same features.
   */
  public static ShardResult toShards(Corpus corpus, PipelineConfig config, Path dir, int perShard,
      ProgressListener progress) throws IOException {
    ShardResult r = write(corpus, config, dir, perShard, progress);
    if (r.index().segments() == 0) {
      throw new IOException(corpus.name() + ": no usable segment in " + corpus.recordings().size()
          + " recordings" + (r.rejected().isEmpty() ? "" : " (" + String.join("; ", r.rejected()) + ")"));
    }
    return r;
  }

  /**
   * One shard of a fanned-out preparation: every segment of {@code corpus} (one
   * {@link RecordingShards} slice) into a single shard file in {@code dir}. A shard whose
   * recordings are all unusable is a valid, empty result (no file, its reasons listed): the data
   * set fails only if every shard is empty.
   */
  public static ShardResult shard(Corpus corpus, PipelineConfig config, Path dir,
      ProgressListener progress) throws IOException {
    Segments s = segments(corpus, config, progress);
    return writeShard(corpus, config, dir, s.segments(), s.rejected());
  }

  /** {@code rows} as the one shard file of {@code dir} (none when there is no row). */
  static ShardResult writeShard(Corpus corpus, PipelineConfig config, Path dir,
      List<SegmentFeatures> rows, List<String> rejected) throws IOException {
    try (ShardWriter w = new ShardWriter(dir, corpus.task(), config.model().imageSize(),
        config.audio().mfccFrames(), config.model().mfccChannels(), Integer.MAX_VALUE)) {
      for (SegmentFeatures s : rows) w.add(s);
      return new ShardResult(w.finish(), List.copyOf(rejected));
    }
  }

  private static ShardResult write(Corpus corpus, PipelineConfig config, Path dir, int perShard,
      ProgressListener progress) throws IOException {
    List<Recording> recs = corpus.recordings();
    int window = Math.max(1, 4 * Runtime.getRuntime().availableProcessors());
    List<String> rejected = new ArrayList<>();
    AtomicLong done = new AtomicLong();
    progress.progress("preprocess", 0, recs.size(), corpus.name());
    try (ShardWriter out = new ShardWriter(dir, corpus.task(), config.model().imageSize(),
        config.audio().mfccFrames(), config.model().mfccChannels(), perShard)) {
      for (int from = 0; from < recs.size(); from += window) {
        int n = Math.min(window, recs.size() - from);
        List<List<SegmentFeatures>> part = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          part.add(List.of());
          why.add(null);
        }
        int base = from;
        ParallelRecordings.forEach(n, () -> new FeatureExtractor(config), (i, fx) -> {
          Recording rec = recs.get(base + i);
          prepareOne(rec, corpus.task(), config, fx, i, part, why);
          progress.progress("preprocess", done.incrementAndGet(), recs.size(), rec.id());
        });
        for (List<SegmentFeatures> l : part) for (SegmentFeatures s : l) out.add(s);
        why.stream().filter(w -> w != null).forEach(rejected::add);
      }
      rejected.forEach(p -> LOG.warning("skipped " + p));
      return new ShardResult(out.finish(), List.copyOf(rejected));
    }
  }

  /**
   * Slot {@code i} of {@code segments} gets the recording's segments, or slot {@code i} of
   * {@code rejected} the reason it is unusable: one bad file is reported, not fatal.
   */
  private static void prepareOne(Recording rec, TaskSpec task, PipelineConfig config,
      FeatureExtractor fx, int i, List<List<SegmentFeatures>> segments, List<String> rejected) {
    try {
      segments.set(i, segments(rec, task, config, fx));
      if (segments.get(i).isEmpty()) rejected.set(i, rec.audio() + ": no labelled speech segment");
    } catch (IOException | RuntimeException e) {
      rejected.set(i, e.getMessage() == null ? rec.audio() + ": " + e : e.getMessage());
    }
  }

  static List<SegmentFeatures> segments(Recording rec, TaskSpec task, PipelineConfig config,
      FeatureExtractor fx) throws IOException {
    List<SegmentFeatures> out = new ArrayList<>();
    for (SegmentAudio.Cut cut : SegmentAudio.cut(rec.audio(), rec.regions(), config.audio())) {
      double target = target(rec.label(), cut.originalSpans());
      int cls;
      if (rec.label() instanceof RecordingLabel.Category c) {
        cls = task.classOf(c.name());
      } else if (Double.isNaN(target)) {
        continue; // no rating under this segment (outside the annotated part)
      } else {
        cls = task.classOf(target);
      }
      out.add(new SegmentFeatures(rec.id(), rec.speaker(), cut.startSeconds(), rec.split(), cls, target,
          fx.mfcc(cut.samples()), fx.image(cut.samples()), "original"));
    }
    return out;
  }

  /** A segment's continuous target: the recording's value, or the track's mean over its spans. */
  static double target(RecordingLabel label, List<TimeSpan> spans) {
    if (label instanceof RecordingLabel.Scalar s) return s.value();
    if (!(label instanceof RecordingLabel.Track t)) return Double.NaN;
    double sum = 0, weight = 0;
    for (TimeSpan span : spans) {
      double m = t.mean(span.start(), span.end());
      if (!Double.isNaN(m)) {
        sum += m * span.length();
        weight += span.length();
      }
    }
    return weight == 0 ? Double.NaN : sum / weight;
  }
}

package org.emoaudionet.pipeline;

import java.io.IOException;
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
      try {
        perRecording.set(i, segments(rec, corpus.task(), config, fx));
        if (perRecording.get(i).isEmpty()) rejected.set(i, rec.audio() + ": no labelled speech segment");
      } catch (IOException | RuntimeException e) {
        rejected.set(i, e.getMessage() == null ? rec.audio() + ": " + e : e.getMessage());
      }
      progress.progress("preprocess", done.incrementAndGet(), recs.size(), rec.id());
    });
    List<SegmentFeatures> all = new ArrayList<>();
    for (List<SegmentFeatures> l : perRecording) all.addAll(l);
    List<String> problems = rejected.stream().filter(s -> s != null).toList();
    problems.forEach(p -> LOG.warning("skipped " + p));
    if (all.isEmpty()) {
      throw new IOException(corpus.name() + ": no usable segment in " + recs.size() + " recordings"
          + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
    }
    List<SegmentFeatures> assigned = Splitter.apply(corpus, all, config.split(), config.train().seed());
    FeatureSet fs = new FeatureSet(corpus.task(), config.model().imageSize(),
        config.audio().mfccFrames(), config.model().mfccChannels(), assigned);
    return new Result(fs, problems);
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

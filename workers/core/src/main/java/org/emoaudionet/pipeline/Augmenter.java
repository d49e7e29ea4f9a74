package org.emoaudionet.pipeline;

import java.nio.file.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.emoaudionet.augment.NoiseAugmenter;
import org.emoaudionet.augment.PitchShifter;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.Recording;
import org.emoaudionet.data.Split;
import org.emoaudionet.features.FeatureExtractor;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.SegmentFeatures;

/**
 * Adds noisy and pitch-shifted copies of the TRAIN segments only (the original code leaked them
 * into validation). The segment audio is re-derived from the recording with the same path as
 * preprocessing, so a copy differs from its original only by the augmentation.
 */
public final class Augmenter {
  private Augmenter() {}

  public static FeatureSet run(Corpus corpus, FeatureSet prepared, PipelineConfig config,
      ProgressListener progress) throws IOException {
    PipelineConfig.AugmentConfig aug = config.augment();
    if (!aug.enabled()) return prepared;
    Map<String, List<SegmentFeatures>> trainByRecording = new HashMap<>();
    for (SegmentFeatures s : prepared.split(Split.TRAIN)) {
      if (s.origin().equals("original")) {
        trainByRecording.computeIfAbsent(s.recordingId(), k -> new ArrayList<>()).add(s);
      }
    }
    List<Recording> recs = corpus.recordings().stream()
        .filter(r -> trainByRecording.containsKey(r.id())).toList();
    List<List<SegmentFeatures>> added = new ArrayList<>();
    for (int i = 0; i < recs.size(); i++) added.add(List.of());
    AtomicLong done = new AtomicLong();
    progress.progress("augment", 0, recs.size(), "");
    int sr = config.audio().sampleRate();
    ParallelRecordings.forEach(recs.size(), () -> new FeatureExtractor(config), (i, fx) -> {
      Recording rec = recs.get(i);
      Map<Long, SegmentAudio.Cut> cuts = new HashMap<>();
      for (SegmentAudio.Cut c : SegmentAudio.cut(rec.audio(), rec.regions(), config.audio())) {
        cuts.put(Math.round(c.startSeconds() * sr), c);
      }
      List<SegmentFeatures> out = new ArrayList<>();
      for (SegmentFeatures s : trainByRecording.get(rec.id())) {
        SegmentAudio.Cut cut = cuts.get(Math.round(s.startSeconds() * sr));
        if (cut == null) {
          throw new IOException(rec.audio() + ": segment at " + s.startSeconds()
              + " s not found again; the file changed since preprocessing");
        }
        long seed = config.train().seed() * 31 + (rec.id() + "@" + s.startSeconds()).hashCode();
        for (double alpha : aug.noiseAlphas()) {
          float[] x = NoiseAugmenter.addNoise(cut.samples(), alpha, seed);
          out.add(copy(s, fx, x, "noise:" + alpha));
        }
        for (double semis : aug.pitchSemitones()) {
          double signed = aug.pitchShiftDown() ? -Math.abs(semis) : Math.abs(semis);
          float[] x = PitchShifter.shift(cut.samples(), sr, signed);
          out.add(copy(s, fx, x, "pitch:" + signed));
        }
      }
      added.set(i, out);
      progress.progress("augment", done.incrementAndGet(), recs.size(), rec.id());
    });
    List<SegmentFeatures> all = new ArrayList<>();
    for (List<SegmentFeatures> l : added) all.addAll(l);
    return prepared.plus(all);
  }

  /**
   * One recording shard of a sharded run with its augmented copies: the shard's segments as
   * {@link Preprocessor#shard} writes them, then a copy per noise level and pitch shift of every
   * one of them, in the same shard file. Split-free by design: the copies of every recording are
   * made, and reading keeps those whose original is TRAIN ({@code Splitter.fromLabels}), so one
   * set of shards serves every split, seed and cross-validation fold (in K folds every recording
   * is TRAIN in K - 1 of them). The copies carry no split of their own.
   */
  public static Preprocessor.ShardResult shard(Corpus corpus, PipelineConfig config, Path dir,
      ProgressListener progress) throws IOException {
    Preprocessor.Segments originals = Preprocessor.segments(corpus, config, progress);
    List<SegmentFeatures> rows = new ArrayList<>(originals.segments());
    if (config.augment().enabled() && !rows.isEmpty()) {
      List<SegmentFeatures> asTrain = new ArrayList<>(rows.size());
      for (SegmentFeatures s : rows) asTrain.add(s.withSplit(Split.TRAIN));
      FeatureSet prepared = new FeatureSet(corpus.task(), config.model().imageSize(),
          config.audio().mfccFrames(), config.model().mfccChannels(), asTrain);
      List<SegmentFeatures> all = run(corpus, prepared, config, progress).segments();
      for (SegmentFeatures s : all.subList(asTrain.size(), all.size())) rows.add(s.withSplit(null));
    }
    return Preprocessor.writeShard(corpus, config, dir, rows, originals.rejected());
  }

  private static SegmentFeatures copy(SegmentFeatures s, FeatureExtractor fx, float[] x, String origin) {
    return new SegmentFeatures(s.recordingId(), s.speaker(), s.startSeconds(), Split.TRAIN,
        s.classIndex(), s.target(), fx.mfcc(x), fx.image(x), origin);
  }
}

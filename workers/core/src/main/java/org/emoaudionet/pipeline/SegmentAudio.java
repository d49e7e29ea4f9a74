package org.emoaudionet.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.audio.AudioClip;
import org.emoaudionet.audio.AudioLimits;
import org.emoaudionet.audio.AudioLoader;
import org.emoaudionet.audio.Segment;
import org.emoaudionet.audio.Segmenter;
import org.emoaudionet.audio.SilenceRemover;
import org.emoaudionet.audio.SpeechTimeline;
import org.emoaudionet.config.PipelineConfig.AudioConfig;
import org.emoaudionet.data.TimeSpan;

/**
 * The paper's audio path for one recording: decode, keep the wanted regions, resample, remove
 * long pauses, cut 2.5 s segments every 0.5 s. Shared by preprocessing, augmentation and
 * prediction so that all three see the same segments.
 */
public final class SegmentAudio {
  private SegmentAudio() {}

  /**
   * @param startSeconds where the segment starts in the pause-free speech
   * @param originalSpans the parts of the original recording it covers (for time-varying labels)
   */
  public record Cut(double startSeconds, float[] samples, List<TimeSpan> originalSpans) {}

  public static List<Cut> cut(Path audio, List<TimeSpan> regions, AudioConfig cfg) throws IOException {
    return cut(audio, regions, cfg, AudioLimits.training());
  }

  /** As {@link #cut(Path, List, AudioConfig)}, the recording within {@code limits}. */
  public static List<Cut> cut(Path audio, List<TimeSpan> regions, AudioConfig cfg,
      AudioLimits limits) throws IOException {
    return cut(AudioLoader.load(audio, cfg.sampleRate(), regions, limits), cfg);
  }

  public static List<Cut> cut(AudioClip clip, AudioConfig cfg) {
    SpeechTimeline timeline = SilenceRemover.timeline(clip, cfg);
    float[] speech = timeline.extract(clip.samples());
    int sr = clip.sampleRate();
    List<Cut> cuts = new ArrayList<>();
    int length = (int) Math.round(cfg.segmentSeconds() * sr);
    for (Segment s : Segmenter.cut(speech, sr, cfg.segmentSeconds(), cfg.hopSeconds(), cfg.padding())) {
      cuts.add(new Cut(s.startSample() / (double) sr, s.samples(),
          timeline.originalSpans(s.startSample(), length, sr)));
    }
    return cuts;
  }
}

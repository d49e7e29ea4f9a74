package org.emoaudionet.workflows.conf;

/**
 * The part of a data set a run uses, as the paper used LibriSpeech (40 speakers, about 8 minutes
 * each): conf keys {@code speakers} and {@code minutes_per_speaker}, either may be null (no limit
 * of that kind). The core's {@code CorpusSelection} says how they are chosen.
 */
public record SpeakerSelection(Integer speakers, Double minutesPerSpeaker) {
  public SpeakerSelection {
    if (speakers != null && speakers < 1) {
      throw new IllegalArgumentException("speakers must be >= 1, got " + speakers);
    }
    if (minutesPerSpeaker != null && !(minutesPerSpeaker > 0 && Double.isFinite(minutesPerSpeaker))) {
      throw new IllegalArgumentException("minutes_per_speaker must be > 0, got " + minutesPerSpeaker);
    }
  }
}

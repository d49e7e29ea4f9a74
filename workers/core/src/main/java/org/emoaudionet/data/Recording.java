package org.emoaudionet.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One audio file of a corpus and what is known of it.
 *
 * @param id unique within the corpus
 * @param speaker speaker id; the {@code speaker} split protocol never puts one speaker in two splits
 * @param gender {@code F}, {@code M} or null
 * @param split a split fixed by the corpus (DAIC-WOZ lists, a manifest's column), or null
 * @param regions parts of the audio to keep (DAIC-WOZ participant turns); empty keeps all
 */
public record Recording(
    String id,
    Path audio,
    String speaker,
    String gender,
    Split split,
    RecordingLabel label,
    List<TimeSpan> regions) {
  public Recording {
    regions = List.copyOf(regions);
  }
}

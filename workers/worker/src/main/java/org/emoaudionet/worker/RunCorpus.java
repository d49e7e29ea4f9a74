package org.emoaudionet.worker;

import java.io.IOException;
import java.nio.file.Path;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.data.CorpusSelection;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.workflows.conf.RunConf;

/**
 * The recordings a run reads from its unpacked data set: the layout's reader for the run's task,
 * then {@code conf.speakers} / {@code conf.minutes_per_speaker} if given. Every task that reads
 * recordings goes through here, so they all see the same ones.
 */
final class RunCorpus {
  private RunCorpus() {}

  static Corpus load(Path tree, RunConf conf, TaskLog log) throws IOException {
    Corpus all = CorpusLoader.load(LocalDatasets.datasetUri(tree, conf), conf.task());
    if (conf.selection() == null) return all;
    Corpus chosen = CorpusSelection.select(all, conf.selection().speakers(),
        conf.selection().minutesPerSpeaker());
    long speakers = chosen.recordings().stream().map(r -> r.speaker() == null ? r.id() : r.speaker())
        .distinct().count();
    log.say("selection (speakers " + conf.selection().speakers() + ", minutes per speaker "
        + conf.selection().minutesPerSpeaker() + "): " + chosen.recordings().size() + " of "
        + all.recordings().size() + " recordings, " + speakers + " speakers");
    return chosen;
  }
}

package org.emoaudionet.cli;

import java.nio.file.Path;
import java.util.List;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.data.Corpus;
import org.emoaudionet.pipeline.CorpusLoader;
import org.emoaudionet.pipeline.DatasetUri;
import org.emoaudionet.pipeline.Preprocessor;
import org.emoaudionet.pipeline.RecordingShards;

/**
 * One worker process of the scale bench's preparation figure: what a worker's
 * {@code preprocessShard} activity does ({@link Preprocessor#shard} of one
 * {@link RecordingShards} slice), for the shards {@code i} with {@code i % workers == worker}.
 * Run as {@code ShardPrepWorker MANIFEST OUT RECORDINGS_PER_SHARD WORKER WORKERS}.
 */
public final class ShardPrepWorker {
  private ShardPrepWorker() {}

  public static void main(String[] args) throws Exception {
    Corpus corpus = CorpusLoader.load(DatasetUri.parse("manifest:" + args[0]), "label");
    Path out = Path.of(args[1]);
    int perShard = Integer.parseInt(args[2]);
    int worker = Integer.parseInt(args[3]);
    int workers = Integer.parseInt(args[4]);
    PipelineConfig config = PipelineConfig.preset("small");
    List<RecordingShards.Range> shards = RecordingShards.plan(corpus.recordings().size(), perShard);
    int segments = 0;
    for (RecordingShards.Range r : shards) {
      if (r.index() % workers != worker) continue;
      segments += Preprocessor.shard(RecordingShards.slice(corpus, r), config,
          out.resolve("shard-" + r.index()), (s, d, t, x) -> {}).index().segments();
    }
    System.out.println("{\"segments\": " + segments + "}");
  }
}

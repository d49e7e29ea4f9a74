package org.emoaudionet.train;

import java.nio.file.Path;
import org.emoaudionet.features.shards.ShardedFeatures;
import org.emoaudionet.spec.Architecture;

/**
 * The process {@link StreamedTrainingKillTest} kills: trains {@link ShardedTrainingTest#CONFIG}
 * streamed from the shards in {@code args[0]} into {@code args[1]}, saying each checkpoint on
 * stdout; with {@code args[2] = "stall"} it stops after epoch 1's checkpoint (a long epoch 2), so
 * the SIGKILL lands mid-training whatever the machine's speed.
 */
public final class StreamedTrainingChild {
  private StreamedTrainingChild() {}

  public static void main(String[] args) throws Exception {
    TestEngine.singleThreaded();
    boolean stall = args.length > 2 && args[2].equals("stall");
    ShardedFeatures data = ShardedFeatures.open(Path.of(args[0]),
        ShardedTrainingTest.DATA.task(), ShardedTrainingTest.BUFFER);
    TrainResult r = Trainer.trainOn(data, ShardedTrainingTest.CONFIG, Architecture.EMOAUDIONET,
        Path.of(args[1]), null, new TrainingListener() {
          @Override
          public void onCheckpoint(int epoch, Path dir) {
            System.out.println("CHECKPOINT " + epoch);
            System.out.flush();
            if (stall && epoch == 1) {
              try {
                Thread.sleep(600_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        });
    System.out.println("RESUMED " + r.resumedFromEpoch());
    for (EpochMetrics m : r.history()) System.out.println("EPOCH " + m);
  }
}

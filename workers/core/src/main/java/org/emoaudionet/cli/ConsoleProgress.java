package org.emoaudionet.cli;

import java.io.PrintStream;
import org.emoaudionet.pipeline.ProgressListener;
import org.emoaudionet.train.EpochMetrics;
import org.emoaudionet.train.TrainingListener;

/** A one-line progress bar on stderr, plus one summary line per epoch. */
final class ConsoleProgress implements ProgressListener, TrainingListener {
  private final PrintStream err = System.err;
  private final boolean tty = System.console() != null;
  private long lastDraw;

  @Override
  public void progress(String stage, long done, long total, String detail) {
    draw(stage, done, total, detail, done >= total);
  }

  @Override
  public void onStep(int epoch, int step, int stepsPerEpoch, double loss) {
    draw("epoch " + epoch, step, stepsPerEpoch, String.format("loss %.4f", loss), false);
  }

  @Override
  public void onEpoch(EpochMetrics m) {
    clear();
    err.printf("epoch %3d  train loss %.4f acc %.3f  val loss %.4f acc %.3f  lr %.2e%s%n",
        m.epoch(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(),
        m.learningRate(), m.improved() ? "  *best*" : "");
  }

  private void draw(String stage, long done, long total, String detail, boolean last) {
    long now = System.nanoTime();
    if (!last && now - lastDraw < 200_000_000L) return;
    lastDraw = now;
    int width = 30;
    int filled = total <= 0 ? 0 : (int) Math.min(width, done * width / total);
    String bar = "#".repeat(filled) + ".".repeat(width - filled);
    String line = String.format("%-14s [%s] %d/%d %s", stage, bar, done, total, detail == null ? "" : detail);
    if (tty) {
      err.print("\r" + line + " ".repeat(Math.max(0, 10)));
      if (last) err.println();
    } else if (last || done == 0) {
      err.println(line);
    }
    err.flush();
  }

  private void clear() {
    if (tty) err.print("\r" + " ".repeat(100) + "\r");
  }
}

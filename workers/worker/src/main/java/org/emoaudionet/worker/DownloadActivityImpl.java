package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import org.emoaudionet.workflows.activity.DatasetRef;
import org.emoaudionet.workflows.activity.DownloadActivity;
import org.emoaudionet.workflows.activity.DownloadInput;

public final class DownloadActivityImpl implements DownloadActivity {
  private final WorkerContext ctx;

  public DownloadActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public DatasetRef download(DownloadInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("download", in.dagId(), in.dagRunId(), attempt);
      DatasetStager stager = new DatasetStager(ctx.store, ctx.datasets, ctx.config);
      try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "download started")) {
        return stager.stage(in.source(), in.checksum(), log, attempt,
            (done, total) -> hb.update("downloaded " + done + (total >= 0 ? " of " + total : "")
                + " bytes"));
      }
    });
  }
}

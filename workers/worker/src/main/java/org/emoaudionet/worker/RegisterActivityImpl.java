package org.emoaudionet.worker;

import org.emoaudionet.workflows.RegisterActivity;
import org.emoaudionet.workflows.RegisterInput;
import org.emoaudionet.workflows.RegisterOutput;

public final class RegisterActivityImpl implements RegisterActivity {
  private final WorkerContext ctx;

  public RegisterActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public RegisterOutput register(RegisterInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("register", in.dagId(), in.dagRunId(), attempt);
      if (!ctx.store.exists(in.modelKey())) {
        throw new IllegalStateException("no model at " + ctx.store.uri(in.modelKey()));
      }
      String name = MlflowTracker.registeredModelName(in.dagId());
      String version = ctx.mlflow.registerModel(name, in.mlflowRunId());
      log.say("registered " + name + " version " + version + " from MLflow run "
          + in.mlflowRunId() + " (model " + ctx.store.uri(in.modelKey()) + ")");
      return new RegisterOutput(name, version, log.text(), attempt);
    });
  }
}

package org.emoaudionet.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import org.emoaudionet.workflows.EmoPipelineWorkflowImpl;
import org.emoaudionet.workflows.TaskQueues;

/** Which implementations listen on which task queue (PLATFORM.md). */
public final class Activities {
  private Activities() {}

  /** The workflow and the data/bookkeeping activities. */
  public static Worker registerCpu(WorkerFactory factory, WorkerContext ctx) {
    Worker w = factory.newWorker(TaskQueues.CPU);
    w.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    w.registerActivitiesImplementations(new TrackingActivitiesImpl(ctx),
        new DownloadActivityImpl(ctx), new PreprocessActivityImpl(ctx),
        new AugmentActivityImpl(ctx), new RegisterActivityImpl(ctx));
    return w;
  }

  /** Training and evaluation, where DJL finds a GPU if the machine has one. */
  public static Worker registerGpu(WorkerFactory factory, WorkerContext ctx) {
    Worker w = factory.newWorker(TaskQueues.GPU);
    w.registerActivitiesImplementations(new TrainActivityImpl(ctx), new EvaluateActivityImpl(ctx));
    return w;
  }

  public static void register(WorkerFactory factory, WorkerContext ctx, List<String> queues) {
    if (queues.contains(TaskQueues.CPU)) registerCpu(factory, ctx);
    if (queues.contains(TaskQueues.GPU)) registerGpu(factory, ctx);
  }
}

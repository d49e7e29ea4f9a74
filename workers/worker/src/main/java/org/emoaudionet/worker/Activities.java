package org.emoaudionet.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import org.emoaudionet.workflows.DataTriggerWorkflowImpl;
import org.emoaudionet.workflows.EmoPipelineWorkflowImpl;
import org.emoaudionet.workflows.ScheduledDagRunWorkflowImpl;
import org.emoaudionet.workflows.TaskQueues;

/** Which implementations listen on which task queue (infra/README.md, "Task queues"). */
public final class Activities {
  private Activities() {}

  /** The workflows (DAG runs, schedule fires) and the data/bookkeeping activities. */
  public static Worker registerCpu(WorkerFactory factory, WorkerContext ctx) {
    Worker w = factory.newWorker(TaskQueues.CPU);
    w.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class,
        ScheduledDagRunWorkflowImpl.class, DataTriggerWorkflowImpl.class);
    w.registerActivitiesImplementations(new TrackingActivitiesImpl(ctx),
        new DownloadActivityImpl(ctx), new PreprocessActivityImpl(ctx),
        new AugmentActivityImpl(ctx), new RegisterActivityImpl(ctx),
        new ObservePrefixActivityImpl(ctx), new CrossValidationActivityImpl(ctx));
    return w;
  }

  /**
   * Training (or importing a model: it opens it with the DJL engines), evaluation and promotion
   * (it re-scores the champion), where DJL finds a GPU.
   */
  public static Worker registerGpu(WorkerFactory factory, WorkerContext ctx) {
    // One training per worker process: DJL's PyTorch engine keeps autograd state per process, and
    // two concurrent trainings in one JVM corrupt each other ("a leaf Variable that requires grad
    // is being used in an in-place operation", seen with two DAG runs at once). Scale out with
    // more worker processes instead.
    Worker w = factory.newWorker(TaskQueues.GPU,
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(TaskQueues.GPU_SLOTS_PER_WORKER).build());
    w.registerActivitiesImplementations(new TrainActivityImpl(ctx), new EvaluateActivityImpl(ctx),
        new PromoteActivityImpl(ctx), new ImportModelActivityImpl(ctx));
    return w;
  }

  public static void register(WorkerFactory factory, WorkerContext ctx, List<String> queues) {
    if (queues.contains(TaskQueues.CPU)) registerCpu(factory, ctx);
    if (queues.contains(TaskQueues.GPU)) registerGpu(factory, ctx);
  }
}

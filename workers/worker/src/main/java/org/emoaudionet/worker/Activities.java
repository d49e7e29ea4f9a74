package org.emoaudionet.worker;

import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import org.emoaudionet.spec.PipelineTask;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflowImpl;
import org.emoaudionet.workflows.schedule.DataTriggerWorkflowImpl;
import org.emoaudionet.workflows.schedule.ScheduledDagRunWorkflowImpl;

/** Which implementations listen on which task queue (infra/README.md, "Task queues"). */
public final class Activities {
  private Activities() {}

  /** The workflows (DAG runs, schedule fires) and the data/bookkeeping activities. */
  public static Worker registerCpu(WorkerFactory factory, WorkerContext ctx) {
    Worker w = factory.newWorker(TaskQueues.CPU);
    w.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class,
        ScheduledDagRunWorkflowImpl.class, DataTriggerWorkflowImpl.class);
    List<Object> impls = new ArrayList<>(taskActivities(TaskQueues.CPU, ctx));
    // bookkeeping outside the seven tasks: MLflow runs, data-trigger polls, a CV run's summary
    impls.addAll(List.of(new TrackingActivitiesImpl(ctx), new ObservePrefixActivityImpl(ctx),
        new CrossValidationActivityImpl(ctx)));
    w.registerActivitiesImplementations(impls.toArray());
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
    w.registerActivitiesImplementations(taskActivities(TaskQueues.GPU, ctx).toArray());
    return w;
  }

  /** The implementations of the tasks whose {@link PipelineTask#queue} is {@code queue}. */
  static List<Object> taskActivities(String queue, WorkerContext ctx) {
    List<Object> out = new ArrayList<>();
    for (PipelineTask t : PipelineTask.values()) {
      if (t.queue().equals(queue)) out.addAll(implementations(t, ctx));
    }
    return out;
  }

  /** Exhaustive on purpose: a new task does not compile until it has an implementation. */
  private static List<Object> implementations(PipelineTask task, WorkerContext ctx) {
    return switch (task) {
      case DOWNLOAD -> List.of(new DownloadActivityImpl(ctx));
      case PREPROCESS -> List.of(new PreprocessActivityImpl(ctx),
          new ShardedPreprocessActivitiesImpl(ctx));
      case AUGMENT -> List.of(new AugmentActivityImpl(ctx));
      // an imported model takes the place of training, on the same queue
      case TRAIN -> List.of(new TrainActivityImpl(ctx), new ImportModelActivityImpl(ctx));
      case EVALUATE -> List.of(new EvaluateActivityImpl(ctx));
      case REGISTER -> List.of(new RegisterActivityImpl(ctx));
      case PROMOTE -> List.of(new PromoteActivityImpl(ctx));
    };
  }

  public static void register(WorkerFactory factory, WorkerContext ctx, List<String> queues) {
    if (queues.contains(TaskQueues.CPU)) registerCpu(factory, ctx);
    if (queues.contains(TaskQueues.GPU)) registerGpu(factory, ctx);
  }
}

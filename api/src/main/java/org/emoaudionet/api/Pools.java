package org.emoaudionet.api;

import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.api.CatalogModels.Pool;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.pipeline.TaskState;
import org.jboss.logging.Logger;

/**
 * Airflow's pools as this platform has them: one per Temporal task queue ({@code emo-cpu},
 * {@code emo-gpu}), whose slots are the activity slots of the worker processes polling it now
 * (Temporal's DescribeTaskQueue: its pollers, times TaskQueues' slots per worker), plus
 * {@code default_pool}, the pool every task names, which is both together. Running slots are the
 * tasks in state running on that queue, from the open runs' task states (the listing's queries);
 * queued slots are not counted (Temporal's backlog is not asked) and are 0. Read-only: slots
 * change by starting or stopping workers.
 */
@ApplicationScoped
public class Pools {
  private static final Logger LOG = Logger.getLogger(Pools.class);
  static final String DEFAULT = "default_pool";

  @Inject TemporalGateway temporal;
  @Inject RunRepository runs;

  public List<Pool> all() {
    Map<String, Integer> running = running();
    OptionalInt cpuWorkers = workers(TaskQueues.CPU);
    OptionalInt gpuWorkers = workers(TaskQueues.GPU);
    int cpu = slots(cpuWorkers, TaskQueues.CPU_SLOTS_PER_WORKER);
    int gpu = slots(gpuWorkers, TaskQueues.GPU_SLOTS_PER_WORKER);
    int cpuRunning = running.getOrDefault(TaskQueues.CPU, 0);
    int gpuRunning = running.getOrDefault(TaskQueues.GPU, 0);
    List<Pool> out = new ArrayList<>();
    out.add(pool(DEFAULT, cpu + gpu, cpuRunning + gpuRunning, "Every task: the slots of "
        + TaskQueues.CPU + " and " + TaskQueues.GPU + " together"));
    out.add(pool(TaskQueues.CPU, cpu, cpuRunning, "Temporal task queue " + TaskQueues.CPU
        + " (workflows, download, preprocess, augment, register): " + describe(cpuWorkers,
            TaskQueues.CPU_SLOTS_PER_WORKER)));
    out.add(pool(TaskQueues.GPU, gpu, gpuRunning, "Temporal task queue " + TaskQueues.GPU
        + " (train, evaluate, promote): " + describe(gpuWorkers, TaskQueues.GPU_SLOTS_PER_WORKER)));
    return out;
  }

  private static Pool pool(String name, int slots, int running, String description) {
    int open = Math.max(0, slots - running);
    return new Pool(0, description, false, name, running, open, 0, running, 0, slots, null);
  }

  private static int slots(OptionalInt workers, int perWorker) {
    return workers.isPresent() ? workers.getAsInt() * perWorker : perWorker;
  }

  private static String describe(OptionalInt workers, int perWorker) {
    return workers.isPresent()
        ? workers.getAsInt() + " worker process(es) polling, " + perWorker + " slot(s) each"
        : "this Temporal server does not report its pollers; one worker of " + perWorker
            + " slot(s) assumed";
  }

  /** Distinct worker processes polling the queue's activity tasks; empty when not reported. */
  private OptionalInt workers(String queue) {
    try {
      List<PollerInfo> pollers = temporal.stubs().blockingStub()
          .withDeadlineAfter(temporal.queryTimeoutSeconds(), TimeUnit.SECONDS)
          .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
              .setNamespace(temporal.namespace())
              .setTaskQueue(TaskQueue.newBuilder().setName(queue))
              .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY).build())
          .getPollersList();
      return OptionalInt.of((int) pollers.stream().map(PollerInfo::getIdentity).distinct().count());
    } catch (RuntimeException e) {
      LOG.debugf("DescribeTaskQueue %s: %s", queue, e.toString());
      return OptionalInt.empty();
    }
  }

  /** Tasks in state running per queue, over the open runs. */
  private Map<String, Integer> running() {
    Map<String, Integer> out = new HashMap<>();
    for (RunRecord r : runs.list()) {
      if (!r.open()) continue;
      for (TaskState t : runs.tasks(r).orElse(List.of())) {
        if ("running".equals(t.state())) out.merge(DagViews.queue(t.taskId()), 1, Integer::sum);
      }
    }
    return out;
  }
}

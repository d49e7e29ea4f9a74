package org.emoaudionet.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.Test;

/** Each task's implementation listens on the queue PipelineTask gives it, and only there. */
class ActivitiesTest {
  private static List<Class<?>> classes(String queue) {
    return Activities.taskActivities(queue, null).stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void cpuAndGpuWorkersTakeTheirTasks() {
    assertEquals(List.of(DownloadActivityImpl.class, PreprocessActivityImpl.class,
        ShardedPreprocessActivitiesImpl.class,
        AugmentActivityImpl.class, RegisterActivityImpl.class), classes(TaskQueues.CPU));
    assertEquals(List.of(TrainActivityImpl.class, ImportModelActivityImpl.class,
        EvaluateActivityImpl.class, PromoteActivityImpl.class), classes(TaskQueues.GPU));
  }
}

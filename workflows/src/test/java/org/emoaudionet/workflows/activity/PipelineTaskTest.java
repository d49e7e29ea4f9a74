package org.emoaudionet.workflows.activity;

import org.emoaudionet.workflows.dag.DagDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.emoaudionet.spec.PipelineTask;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.Test;

/** A task's queue is written once, in PipelineTask; the activity options follow it. */
class PipelineTaskTest {
  @Test
  void theSevenTasksInOrder() {
    assertEquals(List.of("download", "preprocess", "augment", "train", "evaluate", "register", "promote"),
        PipelineTask.IDS);
    assertEquals(PipelineTask.IDS, DagDefinition.TASK_IDS);
  }

  @Test
  void everyTasksActivityOptionsUseItsQueue() {
    for (PipelineTask t : PipelineTask.values()) {
      assertEquals(t.queue(), ActivityPlans.of(t).getTaskQueue(), t.id());
    }
    assertEquals(TaskQueues.GPU, PipelineTask.TRAIN.queue());
    assertEquals(TaskQueues.GPU, PipelineTask.PROMOTE.queue(), "it re-scores the champion: inference");
    assertEquals(TaskQueues.CPU, PipelineTask.DOWNLOAD.queue());
    assertEquals(PipelineTask.TRAIN.queue(), ActivityPlans.IMPORT_MODEL.getTaskQueue(),
        "an imported model takes the train task's place");
    assertEquals(ActivityPlans.TRAIN.getRetryOptions().getMaximumAttempts(), ActivityPlans.maxAttempts("train"));
  }

  @Test
  void anUnknownTaskIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PipelineTask.of("trian"));
    assertTrue(e.getMessage().contains("'trian'") && e.getMessage().contains("promote"), e.getMessage());
  }
}

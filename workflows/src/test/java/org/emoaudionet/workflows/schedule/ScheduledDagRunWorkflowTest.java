package org.emoaudionet.workflows.schedule;

import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.DagCatalog;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.Timetable;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflow;
import org.emoaudionet.workflows.pipeline.PipelineRequest;
import org.emoaudionet.workflows.pipeline.PipelineResult;
import org.emoaudionet.workflows.pipeline.TaskState;
import static org.junit.jupiter.api.Assertions.*;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.emoaudionet.spec.TaskQueues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A schedule's fire starts the DAG run scheduled__<fire time> with the scheduled memo. */
class ScheduledDagRunWorkflowTest {
  /** Stands in for the pipeline: succeeds, or fails when the conf's seed is 13. */
  public static class FakePipeline implements EmoPipelineWorkflow {
    @Override
    public PipelineResult run(PipelineRequest request) {
      if (Long.valueOf(13).equals(request.conf().seed())) {
        throw ApplicationFailure.newNonRetryableFailure("unlucky", "Test");
      }
      return null;
    }

    @Override
    public List<TaskState> tasks() {
      return List.of();
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker cpu = env.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(ScheduledDagRunWorkflowImpl.class, FakePipeline.class);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private ScheduledRunResult fire(long seed) {
    DagDefinition dag = DagCatalog.bundled().get("recola_arousal").orElseThrow();
    RunConf conf = new RunConf("recola", "/data/r", "arousal", "small", "speaker", 1, seed, false,
        null, "emoaudionet", null, Map.of());
    ScheduledRunInput in = ScheduledRunInput.of(dag, Timetable.parse("* * * * *"), conf);
    return env.getWorkflowClient().newWorkflowStub(ScheduledDagRunWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.CPU)
            .setWorkflowId(ScheduledDagRunWorkflow.cronWorkflowId("recola_arousal") + seed).build())
        .run(in);
  }

  @Test
  void startsTheRunNamedByItsFireTimeWithTheScheduledMemo() {
    Instant before = Instant.ofEpochMilli(env.currentTimeMillis());
    ScheduledRunResult r = fire(1);
    assertEquals("success", r.state());
    assertTrue(r.dagRunId().matches("scheduled__\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\+00:00"), r.dagRunId());
    var describe = env.getWorkflowClient().getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder()
                .setWorkflowId(PipelineRequest.workflowId("recola_arousal", r.dagRunId())))
            .build());
    var fields = describe.getWorkflowExecutionInfo().getMemo().getFieldsMap();
    String runType = DefaultDataConverter.newDefaultInstance()
        .fromPayload(fields.get("run_type"), String.class, String.class);
    String logical = DefaultDataConverter.newDefaultInstance()
        .fromPayload(fields.get("logical_date"), String.class, String.class);
    assertEquals("scheduled", runType);
    assertEquals("timetable", DefaultDataConverter.newDefaultInstance()
        .fromPayload(fields.get("triggered_by"), String.class, String.class));
    Instant l = Instant.parse(logical);
    assertFalse(l.isAfter(Instant.ofEpochMilli(env.currentTimeMillis())));
    assertFalse(l.isBefore(before.minusSeconds(60)), logical + " vs " + before);
  }

  @Test
  void aFailedRunIsReportedAndDoesNotFailTheSchedule() {
    assertEquals("failed", fire(13).state());
  }
}

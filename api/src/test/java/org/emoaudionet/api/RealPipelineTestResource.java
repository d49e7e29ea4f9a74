package org.emoaudionet.api;

import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.pipeline.EmoPipelineWorkflowImpl;

/**
 * As {@link TemporalTestResource}, but the workers run the real pipeline workflow over
 * {@link FakeActivitiesForApiTest}, so tasks return real results (XComs, task-level clear).
 */
public class RealPipelineTestResource extends TemporalTestResource {
  @Override
  protected void registerWorkers(WorkerFactory factory, Path home) {
    FakeActivitiesForApiTest activities = new FakeActivitiesForApiTest(home);
    var cpu = factory.newWorker(TaskQueues.CPU);
    cpu.registerWorkflowImplementationTypes(EmoPipelineWorkflowImpl.class);
    cpu.registerActivitiesImplementations(activities);
    factory.newWorker(TaskQueues.GPU).registerActivitiesImplementations(activities);
  }
}

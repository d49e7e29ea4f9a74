package org.emoaudionet.worker;

import java.util.List;
import java.util.Map;
import org.emoaudionet.workflows.EmoPipelineWorkflow;
import org.emoaudionet.workflows.PipelineRequest;
import org.emoaudionet.workflows.PipelineResult;
import org.emoaudionet.workflows.TaskState;

/**
 * Stands in for the seven-task pipeline where a test is about who starts runs, not what a run
 * does (the real pipeline is tested in PipelineEndToEndTest and the stack ITs).
 */
public class StandInPipeline implements EmoPipelineWorkflow {
  @Override
  public PipelineResult run(PipelineRequest request) {
    return new PipelineResult(Map.of(), "s3://emo/" + request.dagRunId(), null, null, null, null,
        false, null);
  }

  @Override
  public List<TaskState> tasks() {
    return List.of();
  }
}

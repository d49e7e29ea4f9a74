package org.emoaudionet.workflows.schedule;

import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.Timetable;
import org.emoaudionet.workflows.pipeline.PipelineRequest;

/**
 * What a DAG's schedule starts on every fire: the run's request less its id (the fire time
 * names it), computed from the DAG file by the API when it created the schedule, so the workflow
 * reads no file.
 *
 * @param cron the DAG's schedule as 5 cron fields (UTC), to find the fire time a cron workflow
 *     stands for
 * @param conf the DAG's default conf, validated
 */
public record ScheduledRunInput(String dagId, String cron, RunConf conf,
    boolean participantLevel, ChampionPolicy champion) {

  public static ScheduledRunInput of(DagDefinition dag, Timetable timetable, RunConf conf) {
    return new ScheduledRunInput(dag.dagId(), timetable.cron(), conf,
        dag.participantLevel(), dag.champion());
  }

  public PipelineRequest request(String dagRunId) {
    return new PipelineRequest(dagId, dagRunId, conf, participantLevel, champion);
  }
}

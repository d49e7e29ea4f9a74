package org.emoaudionet.workflows.schedule;

import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.ChampionPolicy;
import org.emoaudionet.workflows.dag.DataTrigger;

/**
 * Everything a data-trigger watcher needs from its DAG, so that it never reads DAG files (it
 * must replay deterministically).
 *
 * @param trigger the prefix and the poll interval
 * @param conf the validated conf of every run it starts ({@code dataset_uri} = the prefix unless
 *     the DAG's default conf names another)
 * @param configHash hex SHA-256 of everything above: the start-up bean compares it with the
 *     running watcher's memo to replace a watcher whose DAG file changed
 * @param pollsPerExecution polls before continue-as-new (bounds the history)
 * @param state what earlier executions learnt; {@link DataTriggerState#INITIAL} at first
 */
public record DataTriggerInput(
    String dagId,
    DataTrigger trigger,
    RunConf conf,
    boolean participantLevel,
    ChampionPolicy champion,
    boolean pausedUponCreation,
    String configHash,
    int pollsPerExecution,
    DataTriggerState state) {

  public DataTriggerInput withState(DataTriggerState next) {
    return new DataTriggerInput(dagId, trigger, conf, participantLevel, champion,
        pausedUponCreation, configHash, pollsPerExecution, next);
  }
}

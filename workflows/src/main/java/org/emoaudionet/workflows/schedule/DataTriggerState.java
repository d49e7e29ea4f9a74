package org.emoaudionet.workflows.schedule;

/**
 * What a data-trigger watcher remembers from one poll to the next; carried across
 * continue-as-new so the history stays short and nothing is forgotten.
 *
 * @param lastTriggeredDigest the prefix digest that last started a run, or the baseline (the
 *     first observation); null before the first observation
 * @param previousDigest the digest seen by the poll before, for the debounce
 * @param polls observations made, over all executions of the watcher
 * @param runsStarted runs this watcher started
 * @param lastRunId {@code dag_run_id} of the last run it started, null if none
 * @param lastError why the last observation failed, null when it succeeded
 */
public record DataTriggerState(String lastTriggeredDigest, String previousDigest, long polls,
    int runsStarted, String lastRunId, String lastError) {

  public static final DataTriggerState INITIAL = new DataTriggerState(null, null, 0, 0, null, null);
}

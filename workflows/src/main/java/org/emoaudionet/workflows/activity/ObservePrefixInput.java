package org.emoaudionet.workflows.activity;


/**
 * What the watcher asks the worker to look at.
 *
 * @param prefix {@code s3://bucket/prefix/}
 * @param pausedUponCreation the DAG file's {@code is_paused_upon_creation}, the answer when no
 *     {@code DagState} was ever written
 */
public record ObservePrefixInput(String dagId, String prefix, boolean pausedUponCreation) {}

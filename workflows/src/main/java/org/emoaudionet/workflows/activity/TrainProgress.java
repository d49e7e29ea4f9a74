package org.emoaudionet.workflows.activity;

/**
 * The train activity's heartbeat: where it is and where its last checkpoint lies, so that a
 * retry (another worker, after a crash) resumes there.
 *
 * @param bestMetric best validation accuracy so far (-1 before the first epoch)
 * @param checkpointUri S3 URI of the last uploaded checkpoint, null before the first
 */
public record TrainProgress(int epoch, int step, double bestMetric, String checkpointUri) {}

package org.emoaudionet.workflows.dag;

import java.time.Duration;

/**
 * Retrain when the objects under an S3 prefix change (Airflow's asset-triggered runs).
 *
 * @param prefix {@code s3://bucket/prefix/}
 * @param pollInterval how often the prefix is listed
 */
public record DataTrigger(String prefix, Duration pollInterval) {}

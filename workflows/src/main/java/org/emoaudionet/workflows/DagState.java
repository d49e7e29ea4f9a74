package org.emoaudionet.workflows;

import java.time.Instant;

/**
 * What users changed about a DAG at run time (Airflow keeps it in its database; here it is one
 * JSON object per DAG in S3 at {@link S3Keys#dagState}, so every process and restart sees it):
 * {@code {"is_paused": true, "updated_at": "...", "updated_by": "admin"}}. No object means the
 * DAG file's {@code is_paused_upon_creation}.
 */
public record DagState(boolean isPaused, Instant updatedAt, String updatedBy) {}

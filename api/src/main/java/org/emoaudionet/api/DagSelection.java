package org.emoaudionet.api;

import java.util.List;

/**
 * The DAG filters that listing and bulk pausing share, as the query gave them (each is checked
 * where {@link DagListing#select} applies it, so a bad one is a 422 naming it).
 *
 * @param tags any or all of them ({@code tagsMode}: any, the default, or all); empty for any DAG
 * @param idPattern an SQL LIKE pattern on the dag_id; null or {@code ~} for any
 * @param namePattern the same on the display name (which is the dag_id here)
 * @param paused "true"/"false" as Airflow parses a bool; null for both
 */
record DagSelection(List<String> tags, String tagsMode, String idPattern, String namePattern,
    String paused, List<String> orderBy) {}

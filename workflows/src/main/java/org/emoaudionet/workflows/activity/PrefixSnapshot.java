package org.emoaudionet.workflows.activity;


/**
 * The objects under a data prefix at one moment, and whether their DAG is paused.
 *
 * @param digest hex SHA-256 over the sorted (key, ETag, size) of every object: it changes when an
 *     object is added, removed or rewritten with other content
 * @param objectCount objects under the prefix (folder markers excluded)
 * @param totalBytes their total size
 * @param paused the DAG's {@code is_paused} at that moment ({@code DagState})
 */
public record PrefixSnapshot(String digest, int objectCount, long totalBytes, boolean paused) {}

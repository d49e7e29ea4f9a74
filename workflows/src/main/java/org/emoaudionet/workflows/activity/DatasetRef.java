package org.emoaudionet.workflows.activity;

/**
 * A data set stored once in S3 by content digest.
 *
 * @param key {@code datasets/sha256-<digest>.tar.gz}
 * @param uri {@code s3://bucket/key}
 * @param digest hex SHA-256 of the stored tar.gz
 * @param reused true when that object was already there (nothing uploaded)
 * @param attempt 1-based attempt that produced this
 * @param log what the download task said
 */
public record DatasetRef(String key, String uri, String digest, long sizeBytes, boolean reused,
    String log, int attempt) implements TaskOutput {}

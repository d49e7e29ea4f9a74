package org.emoaudionet.workflows.activity;

/**
 * @param source a local path, {@code file://}, {@code https://} or {@code s3://} URI
 * @param checksum {@code md5:HEX}, {@code sha256:HEX} or null
 */
public record DownloadInput(String dagId, String dagRunId, String source, String checksum) {}

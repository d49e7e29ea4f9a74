package org.emoaudionet.workflows.activity;

/**
 * A FeatureSet file in S3 ({@code cache/<step>/<key>.emof}).
 *
 * @param cacheKey sha256 of (input digest, step config JSON, code version)
 * @param cacheHit true when the step was skipped because that file already existed
 * @param attempt 1-based attempt that produced this
 * @param log what the task said
 */
public record FeaturesRef(String key, String uri, String cacheKey, boolean cacheHit, int segments,
    String log, int attempt) implements TaskOutput {}

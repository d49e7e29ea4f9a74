package org.emoaudionet.workflows.activity;

/**
 * One shard of a data set's recordings, as planned: recordings {@code [from, to)} in corpus order
 * and the digest that names its cached features in S3.
 *
 * @param digest sha256 of the shard's recordings (audio bytes, labels, speakers, splits), the
 *     preparation config and the code version
 */
public record ShardSpec(int index, int from, int to, String digest) {}

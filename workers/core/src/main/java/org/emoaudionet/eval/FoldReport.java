package org.emoaudionet.eval;

import java.util.Map;

/**
 * One trained and scored split: the test figures ({@code test.*} per segment, {@code
 * recording.*} per file), how long an epoch took and how many epochs ran.
 *
 * @param name {@code test-split} or {@code fold-K}
 */
public record FoldReport(String name, Map<String, Double> metrics, int epochs, int bestEpoch,
    double secondsPerEpoch, long trainSegments) {}

package org.emoaudionet.metrics;

import java.util.Map;

/**
 * What {@code evaluate} measured. {@link #json()} is the content of {@code metrics.json}:
 * {@code task}, {@code protocol}, {@code n_train}, {@code n_val}, {@code n_test} and {@code test}
 * ({@code accuracy}, {@code f1_macro}, {@code per_class}, and for ordinal tasks
 * {@code pearson_cc}, {@code rmse}, {@code mae}, {@code ccc}; {@code participant} for DAIC-WOZ).
 */
public record EvaluationReport(String json, Map<String, Double> scalars) {}

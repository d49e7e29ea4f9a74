package org.emoaudionet.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** {@code cv.json}: each fold's figures and their mean and population standard deviation. */
final class FoldSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FoldSummary() {}

  static String json(List<FoldReport> reports) {
    ObjectNode root = JSON.createObjectNode();
    root.put("folds", reports.size());
    ObjectNode mean = root.putObject("mean");
    ObjectNode std = root.putObject("std");
    for (Map.Entry<String, double[]> e : CrossValidation.meanStd(reports).entrySet()) {
      mean.put(e.getKey(), e.getValue()[0]);
      std.put(e.getKey(), e.getValue()[1]);
    }
    ObjectNode per = root.putObject("per_fold");
    for (FoldReport r : reports) {
      ObjectNode f = per.putObject(r.name());
      r.metrics().forEach(f::put);
      f.put("epochs", r.epochs());
      f.put("best_epoch", r.bestEpoch());
      f.put("seconds_per_epoch", r.secondsPerEpoch());
      f.put("train_segments", r.trainSegments());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.emoaudionet.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything but the arrays that a resumed run needs to continue exactly where an uninterrupted
 * one would be: the {@code state.json} of a checkpoint. Doubles are written in Java's shortest
 * round-trip form (non-finite ones as strings), so a restore is bit-exact.
 *
 * @param identity what the checkpoint was trained for (architecture, classes, topology, seed); a
 *     checkpoint with another identity is refused rather than silently mixed in
 */
record TrainState(
    String identity,
    int epoch,
    float learningRate,
    double plateauBest,
    int plateauWait,
    /** The best selection score (train.selectOn; val accuracy in the paper preset). */
    double bestValAccuracy,
    int bestEpoch,
    int earlyStopWait,
    List<EpochMetrics> history) {
  static final String FORMAT = "emoaudionet-checkpoint/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("identity", identity);
    root.put("epoch", epoch);
    root.put("learningRate", learningRate);
    putDouble(root, "plateauBest", plateauBest);
    root.put("plateauWait", plateauWait);
    putDouble(root, "bestValAccuracy", bestValAccuracy);
    root.put("bestEpoch", bestEpoch);
    root.put("earlyStopWait", earlyStopWait);
    ArrayNode h = root.putArray("history");
    for (EpochMetrics m : history) {
      ObjectNode e = h.addObject();
      e.put("epoch", m.epoch());
      putDouble(e, "trainLoss", m.trainLoss());
      putDouble(e, "trainAccuracy", m.trainAccuracy());
      putDouble(e, "valLoss", m.valLoss());
      putDouble(e, "valAccuracy", m.valAccuracy());
      putDouble(e, "learningRate", m.learningRate());
      e.put("improved", m.improved());
      putDouble(e, "valMacroF1", m.valMacroF1());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static TrainState fromJson(String json, String source) throws IOException {
    JsonNode r = JSON.readTree(json);
    if (!FORMAT.equals(r.path("format").asText())) {
      throw new IOException(source + ": format '" + r.path("format").asText() + "', expected " + FORMAT);
    }
    List<EpochMetrics> history = new ArrayList<>();
    for (JsonNode e : r.path("history")) {
      history.add(new EpochMetrics(e.path("epoch").asInt(), d(e, "trainLoss"), d(e, "trainAccuracy"),
          d(e, "valLoss"), d(e, "valAccuracy"), d(e, "learningRate"), e.path("improved").asBoolean(),
          e.has("valMacroF1") ? d(e, "valMacroF1") : Double.NaN));
    }
    return new TrainState(r.path("identity").asText(), r.path("epoch").asInt(),
        (float) r.path("learningRate").asDouble(), d(r, "plateauBest"), r.path("plateauWait").asInt(),
        d(r, "bestValAccuracy"), r.path("bestEpoch").asInt(), r.path("earlyStopWait").asInt(), history);
  }

  private static void putDouble(ObjectNode n, String field, double v) {
    if (Double.isFinite(v)) n.put(field, v);
    else n.put(field, Double.toString(v));
  }

  private static double d(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
  }
}

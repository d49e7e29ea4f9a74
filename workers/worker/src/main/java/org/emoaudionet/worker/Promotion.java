package org.emoaudionet.worker;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;
import org.emoaudionet.workflows.dag.ChampionPolicy;

/**
 * What promote decided, field for field as {@code promotion.json} holds it (the names are the
 * file's, so files written before this record was bound still read). A figure that is not a
 * number (no incumbent, a candidate figure evaluate could not make) is written as JSON null,
 * which JSON has instead of NaN, and anything but a number reads back as NaN. Fields the file
 * has and this record lacks are ignored: promote reads only what it needs to apply a decision.
 *
 * @param previousVersion the version that held the alias when deciding; null: none did
 * @param incumbent the champion's figure on this run's test set; NaN: none
 * @param testSet the feature set both figures were scored on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"dag_id", "dag_run_id", "registered_model", "alias", "metric",
    "higher_is_better", "candidate_version", "candidate", "previous_version", "incumbent",
    "decision", "reason", "champion_version", "test_set"})
record Promotion(
    @JsonProperty("dag_id") String dagId,
    @JsonProperty("dag_run_id") String dagRunId,
    @JsonProperty("registered_model") String registeredModel,
    @JsonProperty("alias") String alias,
    @JsonProperty("metric") String metric,
    @JsonProperty("higher_is_better") boolean higherIsBetter,
    @JsonProperty("candidate_version") String candidateVersion,
    @JsonProperty("candidate") @JsonSerialize(using = NanAsNull.Writer.class)
        @JsonDeserialize(using = NanAsNull.Reader.class) double candidate,
    @JsonProperty("previous_version") String previousVersion,
    @JsonProperty("incumbent") @JsonSerialize(using = NanAsNull.Writer.class)
        @JsonDeserialize(using = NanAsNull.Reader.class) double incumbent,
    @JsonProperty("decision") String decision,
    @JsonProperty("reason") String reason,
    @JsonProperty("champion_version") String championVersion,
    @JsonProperty("test_set") String testSet) {

  /** The decision {@code d} on {@code in}'s candidate, against {@code previous} (null: none). */
  static Promotion of(PromoteInput in, ChampionDecision d, double candidate, String previous,
      double incumbent) {
    ChampionPolicy policy = in.policy();
    String champion = d.promoted() ? in.candidateVersion() : previous;
    return new Promotion(in.dagId(), in.dagRunId(), in.registeredModel(), ChampionPolicy.ALIAS,
        policy.metric(), policy.higherIsBetter(), in.candidateVersion(), candidate, previous,
        incumbent, d.decision(), d.reason(), champion, in.features().uri());
  }

  @JsonIgnore
  boolean promoted() {
    return PromoteOutput.PROMOTED.equals(decision);
  }

  /** A figure as promotion.json has it: a number, or null for NaN and the infinities. */
  static final class NanAsNull {
    private NanAsNull() {}

    static final class Writer extends JsonSerializer<Double> {
      @Override
      public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
        if (v == null || v.isNaN() || v.isInfinite()) g.writeNull();
        else g.writeNumber(v);
      }
    }

    static final class Reader extends JsonDeserializer<Double> {
      @Override
      public Double deserialize(JsonParser p, DeserializationContext c) throws IOException {
        if (p.currentToken().isNumeric()) return p.getDoubleValue();
        p.skipChildren(); // a string, an object...: no figure, as the file meant none
        return Double.NaN;
      }

      @Override
      public Double getNullValue(DeserializationContext c) {
        return Double.NaN;
      }

      @Override
      public Object getAbsentValue(DeserializationContext c) {
        return Double.NaN;
      }
    }
  }
}

package org.emoaudionet.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.emoaudionet.config.PipelineConfig;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.metrics.EvaluationReport;
import org.emoaudionet.metrics.Evaluator;
import org.emoaudionet.model.ScoringModel;
import org.emoaudionet.model.ScoringModels;
import org.emoaudionet.workflows.ChampionPolicy;
import org.emoaudionet.workflows.PromoteActivity;
import org.emoaudionet.workflows.PromoteInput;
import org.emoaudionet.workflows.PromoteOutput;
import org.emoaudionet.workflows.S3Keys;

/**
 * Task {@code promote}: the registered candidate takes the MLflow alias {@code champion} only if
 * its test figure strictly beats the champion's on THIS run's test set. The champion is re-scored
 * here rather than trusting the figure its own run logged, because its own run may have had
 * another test split; same features, same protocol, same participant level as evaluate.
 *
 * <p>The champion's model comes from S3 through its run's {@code emo.model_uri} tag, not through
 * MLflow's artifact proxy: that object is the exact model.tar.gz its evaluate scored, the store
 * every task already reads, one download instead of a listing and a request per file, and train
 * treats the MLflow copy of the model as best effort (S3 holds the model even if MLflow lost it).
 *
 * <p>Retries: the decision is written to {@code promotion.json} before the alias moves, so a
 * retried attempt finds it and applies the same decision again instead of re-deciding against a
 * champion it may itself have just installed; it leaves the alias alone if another version took
 * it in between.
 */
public final class PromoteActivityImpl implements PromoteActivity {
  static final String FILE = "promotion.json";
  /** The run tag that names a run's model in S3 (set by evaluate and at the end of the run). */
  static final String MODEL_URI_TAG = "emo.model_uri";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final WorkerContext ctx;

  public PromoteActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  /** What was decided, as promotion.json holds it. {@code incumbent} NaN: no figure. */
  record Promotion(String decision, String reason, String metric, boolean higherIsBetter,
      String candidateVersion, double candidate, String previousVersion, double incumbent,
      String championVersion) {
    boolean promoted() {
      return PromoteOutput.PROMOTED.equals(decision);
    }
  }

  @Override
  public PromoteOutput promote(PromoteInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("promote", in.dagId(), in.dagRunId(), attempt);
      ChampionPolicy policy = in.policy();
      double candidate = candidateFigure(in);
      String key = S3Keys.run(in.dagId(), in.dagRunId(), FILE);
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "promote");
      Path file = dir.resolve(FILE);

      Optional<Promotion> earlier = earlier(key, in, file);
      Promotion p;
      if (earlier.isPresent()) {
        p = earlier.get();
        log.say("decision already recorded in " + ctx.store.uri(key) + " by an earlier attempt;"
            + " applying it again");
      } else {
        try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "promote")) {
          p = decide(in, policy, candidate, dir, log);
          hb.update("decided");
        }
        Files.writeString(file, JSON.writeValueAsString(toJson(in, p)));
        ctx.store.putFile(key, file);
      }

      String champion = p.championVersion();
      String moved = earlier.isPresent() && p.promoted() ? movedSince(in, p) : null;
      if (moved != null) {
        champion = moved;
        log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel()
            + " has moved to version " + moved + " since this decision was recorded; left there");
      } else if (p.promoted()) {
        ctx.mlflow.setAlias(in.registeredModel(), ChampionPolicy.ALIAS, in.candidateVersion());
        log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel() + " -> version "
            + in.candidateVersion());
      } else {
        log.say("alias " + ChampionPolicy.ALIAS + " of " + in.registeredModel()
            + " stays on version " + p.championVersion());
      }
      if (in.mlflowRunId() != null) logOnRun(in.mlflowRunId(), p, file);
      // the same words on the version itself, where the registry UI lists versions
      ctx.mlflow.setModelVersionTags(in.registeredModel(), in.candidateVersion(), Map.of(
          VersionNotes.DECISION, p.decision(), VersionNotes.REASON, p.reason(),
          VersionNotes.METRIC, p.metric()));
      log.say("decision: " + p.decision() + ": " + p.reason());
      return new PromoteOutput(p.decision(), champion, p.previousVersion(),
          p.metric(), boxed(p.candidate()), boxed(p.incumbent()), p.reason(),
          ctx.store.uri(key), log.text(), attempt);
    });
  }

  /**
   * On a retry of a promotion: the version the alias names now if it is neither the one the
   * decision replaced nor the candidate (a later run took it meanwhile, and a late retry must not
   * take it back); null when applying the decision again is right.
   */
  private String movedSince(PromoteInput in, Promotion p) throws IOException {
    String now = ctx.mlflow.aliasedVersion(in.registeredModel(), ChampionPolicy.ALIAS)
        .map(MlflowTracker.ModelVersionRef::version).orElse(null);
    if (now == null || now.equals(in.candidateVersion()) || now.equals(p.previousVersion())) {
      return null;
    }
    return now;
  }

  /** The candidate's figure as evaluate logged it; a metric evaluate never logs is a DAG error. */
  static double candidateFigure(PromoteInput in) {
    Double v = in.candidateMetrics().get(in.policy().metric());
    if (v == null) {
      throw new IllegalArgumentException("champion metric '" + in.policy().metric()
          + "' of DAG " + in.dagId() + " is not among the test metrics evaluate logged: "
          + new TreeSet<>(in.candidateMetrics().keySet()));
    }
    return v;
  }

  private Promotion decide(PromoteInput in, ChampionPolicy policy, double candidate, Path dir,
      TaskLog log) throws IOException {
    String name = in.registeredModel();
    String version = in.candidateVersion();
    Optional<MlflowTracker.ModelVersionRef> champ =
        ctx.mlflow.aliasedVersion(name, ChampionPolicy.ALIAS);
    if (champ.isEmpty()) {
      log.say(name + " has no " + ChampionPolicy.ALIAS + " yet");
      return promotion(ChampionDecision.noChampion(policy, version, candidate), policy, version,
          candidate, null, Double.NaN);
    }
    String previous = champ.get().version();
    if (previous.equals(version)) {
      return promotion(ChampionDecision.alreadyChampion(version), policy, version, candidate,
          previous, Double.NaN);
    }
    log.say("champion is version " + previous + " (MLflow run " + champ.get().runId()
        + "); scoring it on this run's test set");
    Incumbent inc = scoreChampion(in, champ.get(), dir, log);
    ChampionDecision d = inc.unusable() != null
        ? ChampionDecision.incomparable(policy, version, candidate, previous, inc.unusable())
        : ChampionDecision.compare(policy, version, candidate, previous, inc.figure());
    return promotion(d, policy, version, candidate, previous, inc.figure());
  }

  private static Promotion promotion(ChampionDecision d, ChampionPolicy policy, String version,
      double candidate, String previous, double incumbent) {
    String champion = d.promoted() ? version : previous;
    return new Promotion(d.decision(), d.reason(), policy.metric(), policy.higherIsBetter(),
        version, candidate, previous, incumbent, champion);
  }

  /** @param unusable why the champion cannot score this test set; null when it could */
  record Incumbent(double figure, String unusable) {
    static Incumbent cannot(String why) {
      return new Incumbent(Double.NaN, why);
    }
  }

  /** The champion's figure on this run's TEST split, scored as evaluate scores. */
  private Incumbent scoreChampion(PromoteInput in, MlflowTracker.ModelVersionRef champ, Path dir,
      TaskLog log) throws IOException {
    String uri = ctx.mlflow.runTags(champ.runId()).get(MODEL_URI_TAG);
    if (uri == null || uri.isBlank()) {
      return Incumbent.cannot("its MLflow run " + champ.runId() + " has no " + MODEL_URI_TAG
          + " tag");
    }
    String prefix = "s3://" + ctx.store.bucket() + "/";
    if (!uri.startsWith(prefix)) {
      return Incumbent.cannot("its model " + uri + " is not in this platform's bucket "
          + ctx.store.bucket());
    }
    String modelKey = uri.substring(prefix.length());
    if (!ctx.store.exists(modelKey)) {
      return Incumbent.cannot("its model " + uri + " no longer exists");
    }
    Path modelDir = dir.resolve("champion-model");
    ctx.store.getDir(modelKey, modelDir);
    log.say("fetched the champion's model " + uri);
    FeatureSet data = ctx.features(in.features(), log);
    PipelineConfig ours = Configs.pipelineConfig(in.conf());
    String protocol = in.conf().split() == null ? "speaker" : in.conf().split();
    try (ScoringModel model = ScoringModels.load(modelDir)) {
      String mismatch = mismatch(model, data, ours);
      if (mismatch != null) return Incumbent.cannot(mismatch);
      EvaluationReport report;
      try {
        report = Evaluator.evaluate(model, data, protocol, List.of(), in.participantLevel(),
            Files.createDirectories(dir.resolve("champion-report")));
      } catch (RuntimeException e) {
        // shapes the network cannot take surface here (DJL engine errors, InputBatch checks)
        return Incumbent.cannot("scoring failed: " + e.getMessage());
      }
      Double v = EvaluateActivityImpl.testMetrics(report.scalars()).get(in.policy().metric());
      double figure = v == null ? Double.NaN : v;
      log.say("champion's " + in.policy().metric() + " on this test set: "
          + ChampionDecision.fmt(figure));
      return new Incumbent(figure, null);
    }
  }

  /**
   * Why {@code model} cannot score {@code data}, or null: another task or class list, or inputs
   * made with other feature settings (a network would take same-shaped inputs of another sample
   * rate and give meaningless figures, so the settings are compared, not only the shapes).
   */
  static String mismatch(ScoringModel model, FeatureSet data, PipelineConfig ours) {
    if (!model.task().name().equals(data.task().name())) {
      return "it predicts task " + model.task().name() + ", this test set is " + data.task().name();
    }
    if (!model.task().classes().equals(data.task().classes())) {
      return "its classes " + model.task().classes() + " differ from this test set's "
          + data.task().classes();
    }
    if (model.config().model().imageSize() != data.imageSize()) {
      return "it takes " + model.config().model().imageSize() + "px spectrogram images, this test"
          + " set has " + data.imageSize() + "px";
    }
    if (model.config().model().mfccChannels() != data.mfccChannels()) {
      return "it takes " + model.config().model().mfccChannels() + " MFCC channel(s), this run's data has "
          + data.mfccChannels();
    }
    if (model.config().audio().mfccFrames() != data.mfccLength()) {
      return "it takes " + model.config().audio().mfccFrames() + " MFCC frames, this test set has "
          + data.mfccLength();
    }
    if (!model.config().audio().equals(ours.audio())) {
      return "its audio settings " + model.config().audio() + " differ from this run's "
          + ours.audio();
    }
    return null;
  }

  /** promotion.json of an earlier attempt for the same candidate version, if any. */
  private Optional<Promotion> earlier(String key, PromoteInput in, Path file) throws IOException {
    if (!ctx.store.exists(key)) return Optional.empty();
    ctx.store.getFile(key, file);
    JsonNode j = JSON.readTree(file.toFile());
    if (!in.candidateVersion().equals(j.path("candidate_version").asText())
        || !in.registeredModel().equals(j.path("registered_model").asText())) {
      return Optional.empty();
    }
    return Optional.of(new Promotion(j.path("decision").asText(), j.path("reason").asText(),
        j.path("metric").asText(), j.path("higher_is_better").asBoolean(),
        j.path("candidate_version").asText(), number(j.path("candidate")),
        j.path("previous_version").isNull() ? null : j.path("previous_version").asText(null),
        number(j.path("incumbent")), j.path("champion_version").asText()));
  }

  private static ObjectNode toJson(PromoteInput in, Promotion p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("dag_id", in.dagId());
    o.put("dag_run_id", in.dagRunId());
    o.put("registered_model", in.registeredModel());
    o.put("alias", ChampionPolicy.ALIAS);
    o.put("metric", p.metric());
    o.put("higher_is_better", p.higherIsBetter());
    o.put("candidate_version", p.candidateVersion());
    putNumber(o, "candidate", p.candidate());
    o.put("previous_version", p.previousVersion());
    putNumber(o, "incumbent", p.incumbent());
    o.put("decision", p.decision());
    o.put("reason", p.reason());
    o.put("champion_version", p.championVersion());
    o.put("test_set", in.features().uri());
    return o;
  }

  /** Tags, the two figures as metrics and promotion.json as an artifact of the run. */
  private void logOnRun(String runId, Promotion p, Path file) throws IOException {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(VersionNotes.DECISION, p.decision());
    tags.put(VersionNotes.REASON, p.reason());
    tags.put(VersionNotes.METRIC, p.metric());
    tags.put("emo.champion.previous_version",
        p.previousVersion() == null ? "none" : p.previousVersion());
    ctx.mlflow.setTags(runId, tags);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("champion_candidate_" + p.metric(), p.candidate());
    metrics.put("champion_incumbent_" + p.metric(), p.incumbent()); // NaN (none) is not logged
    ctx.mlflow.logMetrics(runId, metrics, 0);
    ctx.mlflow.logArtifact(runId, file, FILE);
  }

  private static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(field);
    else o.put(field, v);
  }

  private static double number(JsonNode n) {
    return n.isNumber() ? n.asDouble() : Double.NaN;
  }

  private static Double boxed(double v) {
    return Double.isNaN(v) ? null : v;
  }
}

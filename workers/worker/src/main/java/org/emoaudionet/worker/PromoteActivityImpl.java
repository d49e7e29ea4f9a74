package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import java.nio.file.Path;
import java.util.Optional;
import org.emoaudionet.workflows.activity.PromoteActivity;
import org.emoaudionet.workflows.activity.PromoteInput;
import org.emoaudionet.workflows.activity.PromoteOutput;

/**
 * Task {@code promote}: the registered candidate takes the MLflow alias {@code champion} only if
 * its test figure strictly beats the champion's on THIS run's test set, the champion re-scored
 * here ({@link IncumbentScorer}: its own run may have had another test split). This class only
 * orders the steps; each is its own class: {@link PromotionDecider} decides,
 * {@link PromotionRecord} keeps the decision in {@code promotion.json}, {@link ChampionAlias}
 * moves the alias, {@link PromotionNotes} says it in MLflow.
 *
 * <p>Retries: the decision is recorded before the alias moves, so a retried attempt finds it and
 * applies the same decision again instead of re-deciding against a champion it may itself have
 * just installed; it leaves the alias alone if another version took it in between.
 */
public final class PromoteActivityImpl implements PromoteActivity {
  private final WorkerContext ctx;

  public PromoteActivityImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public PromoteOutput promote(PromoteInput in) {
    return WorkerContext.guarded(() -> {
      int attempt = WorkerContext.attempt();
      TaskLog log = new TaskLog("promote", in.dagId(), in.dagRunId(), attempt);
      // checked on every attempt: a metric evaluate never logs fails the task before anything
      double candidate = PromotionDecider.candidateFigure(in);
      Path dir = ctx.scratch(in.dagId(), in.dagRunId(), "promote");
      PromotionRecord record = new PromotionRecord(ctx.store, in, dir);

      Optional<Promotion> earlier = record.earlier(in);
      Promotion p;
      if (earlier.isPresent()) {
        p = earlier.get();
        log.say("decision already recorded in " + record.uri() + " by an earlier attempt;"
            + " applying it again");
      } else {
        try (Heartbeater hb = new Heartbeater(Activity.getExecutionContext(), "promote")) {
          p = new PromotionDecider(ctx).decide(in, candidate, dir, log);
          hb.update("decided");
        }
        record.save(p);
      }

      String champion = new ChampionAlias(ctx.mlflow).apply(in, p, earlier.isPresent(), log);
      PromotionNotes notes = new PromotionNotes(ctx.mlflow);
      if (in.mlflowRunId() != null) notes.onRun(in.mlflowRunId(), p, record.file());
      notes.onVersion(in, p);
      log.say("decision: " + p.decision() + ": " + p.reason());
      return new PromoteOutput(p.decision(), champion, p.previousVersion(),
          p.metric(), boxed(p.candidate()), boxed(p.incumbent()), p.reason(),
          record.uri(), log.text(), attempt);
    });
  }

  /** A figure as PromoteOutput has it: null for none (NaN). */
  private static Double boxed(double v) {
    return Double.isNaN(v) ? null : v;
  }
}

package org.emoaudionet.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.emoaudionet.workflows.activity.EndRunInput;
import org.emoaudionet.workflows.activity.StartRunInput;
import org.emoaudionet.workflows.activity.TrackingActivities;
import org.emoaudionet.workflows.activity.TrackingRun;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.mlflow.RunInfo;

/** Opens and closes the MLflow run of a DAG run. */
public final class TrackingActivitiesImpl implements TrackingActivities {
  private final WorkerContext ctx;

  public TrackingActivitiesImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public TrackingRun startRun(StartRunInput in) {
    return WorkerContext.guarded(() -> {
      Optional<DagDefinition> dag = dag(in.dagId());
      ctx.mlflow.experimentId(in.dagId(), dag.map(DagDefinition::description).orElse(null));
      Map<String, String> t = new LinkedHashMap<>(tags(in));
      t.putAll(sourceTags(in, dagFile(in.dagId()), parentUser(in)));
      RunInfo run = ctx.mlflow.startRun(in.dagId(), in.dagRunId(), in.workflowId(),
          params(in.conf()), t);
      return new TrackingRun(run.experimentId(), run.runId());
    });
  }

  @Override
  public void endRun(EndRunInput in) {
    WorkerContext.guarded(() -> {
      ctx.mlflow.setTags(in.runId(), in.tags());
      ctx.mlflow.endRun(in.runId(), in.status());
      return null;
    });
  }

  /**
   * Tags set when the run is made: a cross-validation fold's run is the child of its parent's
   * ({@code mlflow.parentRunId}) and says which fold it is; the parent says how many.
   */
  static Map<String, String> tags(StartRunInput in) {
    Map<String, String> t = new LinkedHashMap<>();
    RunConf c = in.conf();
    if (in.parentRunId() != null) t.put("mlflow.parentRunId", in.parentRunId());
    if (c != null && c.folds() != null) {
      t.put("emo.cv.folds", String.valueOf(c.folds()));
      if (c.fold() != null) t.put("emo.cv.fold", String.valueOf(c.fold()));
    }
    return t;
  }

  /**
   * MLflow's own tags for who and what ran the run, so its run table fills "User" and "Source":
   * {@value MlflowTags#USER} is the Airflow user who triggered the run (a fold's: its parent's;
   * nobody's: {@value MlflowTags#DEFAULT_USER}), the source a {@value MlflowTags#SOURCE_TYPE_JOB}
   * named by the DAG's file, and the DAG run's note, when it had one, the run's description.
   *
   * @param dagFile where the DAG is defined ({@code dags/<file>.yaml}); null: the DAG id stands in
   * @param inheritedUser the parent run's user (cross-validation folds), or null
   */
  static Map<String, String> sourceTags(StartRunInput in, String dagFile, String inheritedUser) {
    Map<String, String> t = new LinkedHashMap<>();
    String user = blank(in.triggeringUser()) ? inheritedUser : in.triggeringUser();
    t.put(MlflowTags.USER, blank(user) ? MlflowTags.DEFAULT_USER : user);
    t.put(MlflowTags.SOURCE_NAME, blank(dagFile) ? in.dagId() : dagFile);
    t.put(MlflowTags.SOURCE_TYPE, MlflowTags.SOURCE_TYPE_JOB);
    if (!blank(in.note())) t.put(MlflowTags.NOTE, in.note());
    return t;
  }

  /** A fold nobody triggered by hand runs for whoever triggered its cross-validation. */
  private String parentUser(StartRunInput in) {
    if (in.parentRunId() == null || !blank(in.triggeringUser())) return null;
    try {
      return ctx.mlflow.runTags(in.parentRunId()).get(MlflowTags.USER);
    } catch (RuntimeException e) {
      return null; // the default user then; not worth failing the run for
    }
  }

  /** The DAG as this worker's catalog has it; empty if the catalog cannot be read here. */
  private Optional<DagDefinition> dag(String dagId) {
    try {
      return ctx.dags.get(dagId);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private String dagFile(String dagId) {
    try {
      return ctx.dags.source(dagId).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** PipelineConfig.flatten() and the conf itself ({@code conf.*}). */
  static Map<String, String> params(RunConf conf) {
    Map<String, String> p = new LinkedHashMap<>(Configs.pipelineConfig(conf).flatten());
    put(p, "conf.layout", conf.layout());
    put(p, "conf.dataset_uri", conf.datasetUri());
    put(p, "conf.task", conf.task());
    put(p, "conf.preset", conf.preset());
    put(p, "conf.split", conf.split());
    put(p, "conf.epochs", conf.epochs());
    put(p, "conf.seed", conf.seed());
    put(p, "conf.augment", conf.augment());
    put(p, "conf.pretrained_from", conf.pretrainedFrom());
    put(p, "conf.arch", conf.arch());
    put(p, "conf.checksum", conf.checksum());
    put(p, "conf.import_model", conf.importModel());
    put(p, "conf.folds", conf.folds());
    put(p, "conf.fold", conf.fold());
    if (conf.sharding() != null) {
      put(p, "conf.shard_recordings", conf.sharding().recordingsPerShard());
      put(p, "conf.shard_parallelism", conf.sharding().parallelism());
      put(p, "conf.shuffle_buffer", conf.sharding().shuffleBuffer());
    }
    if (conf.selection() != null) {
      put(p, "conf.speakers", conf.selection().speakers());
      put(p, "conf.minutes_per_speaker", conf.selection().minutesPerSpeaker());
    }
    if (conf.extra() != null) conf.extra().forEach((k, v) -> put(p, "conf.extra." + k, v));
    return p;
  }

  private static void put(Map<String, String> p, String k, Object v) {
    if (v != null) p.put(k, String.valueOf(v));
  }
}

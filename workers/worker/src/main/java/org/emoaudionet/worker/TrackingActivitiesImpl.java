package org.emoaudionet.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaudionet.workflows.EndRunInput;
import org.emoaudionet.workflows.RunConf;
import org.emoaudionet.workflows.StartRunInput;
import org.emoaudionet.workflows.TrackingActivities;
import org.emoaudionet.workflows.TrackingRun;
import org.mlflow.api.proto.Service.RunInfo;

/** Opens and closes the MLflow run of a DAG run. */
public final class TrackingActivitiesImpl implements TrackingActivities {
  private final WorkerContext ctx;

  public TrackingActivitiesImpl(WorkerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public TrackingRun startRun(StartRunInput in) {
    return WorkerContext.guarded(() -> {
      RunInfo run = ctx.mlflow.startRun(in.dagId(), in.dagRunId(), in.workflowId(),
          params(in.conf()), tags(in));
      return new TrackingRun(run.getExperimentId(), run.getRunId());
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
    if (conf.extra() != null) conf.extra().forEach((k, v) -> put(p, "conf.extra." + k, v));
    return p;
  }

  private static void put(Map<String, String> p, String k, Object v) {
    if (v != null) p.put(k, String.valueOf(v));
  }
}

package org.emoaudionet.worker;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.emoaudionet.features.FeatureSet;
import org.emoaudionet.features.FeatureSource;
import org.emoaudionet.workflows.activity.S3Keys;
import org.emoaudionet.workflows.conf.RunConf;
import org.emoaudionet.workflows.activity.FeaturesRef;
import org.emoaudionet.workflows.dag.DagCatalog;

/** What every activity of one worker process shares: S3, MLflow, the local work folder. */
public final class WorkerContext {
  final WorkerConfig config;
  final ArtifactStore store;
  final LocalDatasets datasets;
  final MlflowTracker mlflow;
  /** This worker's DAGs (bundled plus {@code EMO_DAGS_FOLDER}): descriptions and file tags in MLflow. */
  final DagCatalog dags;

  public WorkerContext(WorkerConfig config, ArtifactStore store, MlflowTracker mlflow,
      DagCatalog dags) {
    this.config = config;
    this.store = store;
    this.mlflow = mlflow;
    this.dags = dags;
    this.datasets = new LocalDatasets(store, config.workDir());
  }

  public WorkerContext(WorkerConfig config, ArtifactStore store, MlflowTracker mlflow) {
    this(config, store, mlflow, DagCatalog.fromEnvironment());
  }

  public static WorkerContext from(WorkerConfig config) {
    return new WorkerContext(config, ArtifactStore.from(config), new MlflowTracker(config.mlflowUri()));
  }

  /** A feature set named by a task result, read from this worker's cache or from S3. */
  FeatureSet features(FeaturesRef ref, TaskLog log) throws IOException {
    Path local = config.workDir().resolve(ref.key());
    if (!Files.isRegularFile(local)) {
      store.getFile(ref.key(), local);
      log.say("fetched " + ref.uri());
    }
    return FeatureSet.read(local);
  }

  /**
   * The prepared data set a task result names, as training and evaluation read it: one
   * FeatureSet file in memory, or a sharded set streamed from this worker's disk
   * ({@link ShardedSets}).
   */
  FeatureSource<?> source(FeaturesRef ref, RunConf conf, TaskLog log) throws IOException {
    return S3Keys.isFeatureSet(ref.key()) ? ShardedSets.open(this, ref, conf, log) : features(ref, log);
  }

  /** A fresh folder for one attempt of one task of one run. */
  Path scratch(String dagId, String dagRunId, String task) throws IOException {
    int attempt = Activity.getExecutionContext().getInfo().getAttempt();
    Path dir = config.workDir().resolve("runs").resolve(dagId).resolve(dagRunId)
        .resolve(task + "-try" + attempt);
    LocalDatasets.deleteTree(dir);
    return Files.createDirectories(dir);
  }

  static int attempt() {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    return info.getAttempt();
  }

  /** Runs an activity body, turning its exceptions into the failures of {@link Failures}. */
  static <T> T guarded(Callable<T> body) {
    int attempt = attempt();
    try {
      return body.call();
    } catch (Exception e) {
      throw Failures.of(e, attempt);
    }
  }
}

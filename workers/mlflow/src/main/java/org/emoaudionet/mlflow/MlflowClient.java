package org.emoaudionet.mlflow;

import java.time.Duration;

/**
 * An MLflow tracking server over its REST API, grouped as MLflow's documentation groups it. One
 * client for the worker, the API's serving and the stack, so that a change in MLflow's replies is
 * handled once. Holds no state but the connection pool: cheap to make, safe to share.
 */
public final class MlflowClient {
  private final MlflowHttp http;
  private final Tracking tracking;
  private final ModelRegistry registry;
  private final Artifacts artifacts;

  /** Ten seconds to connect, a minute per JSON call: a loaded server, not a dead one. */
  public MlflowClient(String trackingUri) {
    this(trackingUri, Duration.ofSeconds(10), Duration.ofMinutes(1));
  }

  public MlflowClient(String trackingUri, Duration connectTimeout, Duration requestTimeout) {
    this.http = new MlflowHttp(trackingUri, connectTimeout, requestTimeout);
    this.tracking = new Tracking(http);
    this.registry = new ModelRegistry(http);
    this.artifacts = new Artifacts(http);
  }

  public String trackingUri() {
    return http.base();
  }

  public Tracking tracking() {
    return tracking;
  }

  public ModelRegistry registry() {
    return registry;
  }

  public Artifacts artifacts() {
    return artifacts;
  }

  /** The raw calls, for endpoints no group here wraps (MLflow 3's logged models). */
  public MlflowHttp http() {
    return http;
  }

  /** The run's page in MLflow's UI. */
  public String runLink(String experimentId, String runId) {
    return http.base() + "/#/experiments/" + experimentId + "/runs/" + runId;
  }
}

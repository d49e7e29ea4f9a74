package org.emoaudionet.api;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal client, connected on first use: the API must start (and say "unhealthy") while
 * Temporal is still coming up.
 */
@ApplicationScoped
public class TemporalGateway {
  @Inject ApiSettings settings;

  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private volatile Instant lastSeen;

  public synchronized WorkflowServiceStubs stubs() {
    if (stubs == null) {
      stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget(settings.temporalAddress())
          .setRpcQueryTimeout(Duration.ofSeconds(settings.queryTimeoutSeconds()))
          .validateAndBuildWithDefaults());
    }
    return stubs;
  }

  public synchronized WorkflowClient client() {
    if (client == null) {
      client = WorkflowClient.newInstance(stubs(), WorkflowClientOptions.newBuilder()
          .setNamespace(settings.temporalNamespace()).build());
    }
    return client;
  }

  public int queryTimeoutSeconds() {
    return settings.queryTimeoutSeconds();
  }

    public String namespace() {
    return settings.temporalNamespace();
  }

  /** A cheap round trip; the time of the last success is the "scheduler heartbeat". */
  public boolean reachable() {
    try {
      stubs().blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      lastSeen = Instant.now();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public Instant lastSeen() {
    return lastSeen;
  }

  @PreDestroy
  synchronized void close() {
    if (stubs != null) stubs.shutdownNow();
  }
}

package org.emoaudionet.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Map;
import org.emoaudionet.workflows.TaskQueues;

/** Temporal's Java test server on a free port plus a worker running the scripted test double. */
public class TemporalTestResource implements QuarkusTestResourceLifecycleManager {
  static final String ADMIN_PASSWORD = "test-admin-pw";

  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs stubs;
  private WorkerFactory factory;

  @Override
  public Map<String, String> start() {
    try {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      server = TestServer.createPortBoundServer(port);
      stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
          .setTarget("127.0.0.1:" + port).validateAndBuildWithDefaults());
      factory = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
      factory.newWorker(TaskQueues.CPU).registerWorkflowImplementationTypes(ScriptedPipelineForApiTest.class);
      factory.start();
      String home = Files.createTempDirectory("emo-api-test").toString();
      return Map.of("emo.temporal.address", "127.0.0.1:" + port, "emo.home", home,
          "emo.admin.password", ADMIN_PASSWORD, "emo.admin.user", "admin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    if (factory != null) factory.shutdownNow();
    if (stubs != null) stubs.shutdownNow();
    if (server != null) server.close();
  }
}

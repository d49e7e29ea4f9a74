package org.emoaudionet.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.emoaudionet.spec.TaskQueues;
import org.emoaudionet.workflows.schedule.ScheduledDagRunWorkflowImpl;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * Temporal's Java test server on a free port plus a worker running the scripted test double and
 * the schedule workflow, and S3 (S3Proxy over a temp folder) for the DAG states.
 */
public class TemporalTestResource implements QuarkusTestResourceLifecycleManager {
  static final String ADMIN_PASSWORD = "test-admin-pw";
  static final String S3_KEY = "emo-test";
  static final String S3_SECRET = "emo-test-secret";
  static final String BUCKET = "emo";

  private TestServer.PortBoundTestServer server;
  private WorkflowServiceStubs stubs;
  private WorkerFactory factory;
  private S3Proxy s3;

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
      Path home = Files.createTempDirectory("emo-api-test");
      factory = WorkerFactory.newInstance(WorkflowClient.newInstance(stubs));
      registerWorkers(factory, home);
      factory.start();
      String s3Endpoint = startS3(home.resolve("s3"));
      Map<String, String> config = new HashMap<>(Map.of("emo.temporal.address", "127.0.0.1:" + port,
          "emo.home", home.toString(), "emo.admin.password", ADMIN_PASSWORD, "emo.admin.user", "admin",
          "emo.s3.endpoint", s3Endpoint, "emo.s3.access-key", S3_KEY, "emo.s3.secret-key", S3_SECRET,
          "emo.s3.bucket", BUCKET));
      // GET .../wait ends after this many seconds (DagRunWaitApiTest checks the bound)
      config.put("emo.api.wait-max-seconds", "4");
      config.putAll(extraConfig(home));
      return config;
    } catch (Exception e) {
      throw new IllegalStateException("test resources did not start: " + e, e);
    }
  }

  /** The workers: here the scripted test double of the pipeline and the schedule workflow. */
  protected void registerWorkers(WorkerFactory factory, Path home) {
    factory.newWorker(TaskQueues.CPU).registerWorkflowImplementationTypes(
        ScriptedPipelineForApiTest.class, ScheduledDagRunWorkflowImpl.class);
  }

  /** More configuration for a subclass (e.g. a DAG folder). */
  protected Map<String, String> extraConfig(Path home) throws IOException {
    return Map.of();
  }

  private String startS3(Path dir) throws Exception {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Properties props = new Properties();
    props.setProperty("jclouds.filesystem.basedir", dir.toString());
    props.setProperty("jclouds.identity", S3_KEY);
    props.setProperty("jclouds.credential", S3_SECRET);
    String endpoint = "http://127.0.0.1:" + port;
    s3 = S3Proxy.builder().blobStore(BlobStores.create("filesystem", props))
        .endpoint(URI.create(endpoint))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_KEY, S3_SECRET).build();
    s3.start();
    for (int i = 0; i < 500 && !"STARTED".equals(s3.getState()); i++) Thread.sleep(20);
    return endpoint;
  }

  @Override
  public void stop() {
    if (factory != null) factory.shutdownNow();
    if (stubs != null) stubs.shutdownNow();
    if (server != null) server.close();
    if (s3 != null) {
      try {
        s3.stop();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal CLI dev server as the stack runs it: ready, UI up, state kept in
 * $EMO_HOME/temporal.db across a restart. Skipped unless infra/scripts/install-temporal.sh ran.
 */
class DevServerTemporalTest {
  @TempDir Path home;

  @Test
  void startsWithUiAndKeepsStateAcrossARestart() throws Exception {
    Optional<Path> cli = TemporalMode.temporalCli(RepoRoot.find().resolve(".emo"));
    assumeTrue(cli.isPresent(), "no temporal CLI (infra/scripts/install-temporal.sh)");
    StackConfig c = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString()), RepoRoot.find())
        .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    PrintStream out = new PrintStream(new ByteArrayOutputStream());
    try (DevServerTemporal t = DevServerTemporal.start(cli.get(), c, out)) {
      assertTrue(JsonHttp.healthy(t.uiUrl().orElseThrow()), "Temporal UI not serving");
      withStubs(t.address(), s -> s.blockingStub().registerNamespace(RegisterNamespaceRequest
          .newBuilder().setNamespace("emo-persist-check")
          .setWorkflowExecutionRetentionPeriod(com.google.protobuf.Duration.newBuilder()
              .setSeconds(86400)).build()));
    }
    assertFalse(Ports.isListening("127.0.0.1", c.temporalPort()), "dev server still listening");
    assertTrue(Files.size(home.resolve("temporal.db")) > 0);
    try (DevServerTemporal t = DevServerTemporal.start(cli.get(), c, out)) {
      withStubs(t.address(), s -> s.blockingStub().describeNamespace(DescribeNamespaceRequest
          .newBuilder().setNamespace("emo-persist-check").build()));
    }
  }

  private static void withStubs(String address,
      java.util.function.Consumer<WorkflowServiceStubs> call) {
    WorkflowServiceStubs s = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions
        .newBuilder().setTarget(address).validateAndBuildWithDefaults());
    try {
      call.accept(s);
    } finally {
      s.shutdownNow();
    }
  }
}

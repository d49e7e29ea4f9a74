package org.emoaudionet.stack;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.Optional;

/** The Temporal frontend the stack's processes talk to. */
public interface TemporalServer extends AutoCloseable {
  String address();

  /** The Web UI, when this kind of server has one. */
  Optional<String> uiUrl();

  /** What this server cannot do, said at start-up; empty when nothing is missing. */
  String limitations();

  @Override
  void close();

  /**
   * Waits until {@code address} answers GetSystemInfo (and, for a real server, knows the
   * namespace), or fails after {@code timeout}.
   */
  static void awaitReady(String address, String namespace, boolean checkNamespace,
      Duration timeout, ChildProcess process) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException("the Temporal server exited before it was ready; last "
            + "lines of " + process.logFile() + ":\n" + process.logTail(30));
      }
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address)
              .setRpcTimeout(Duration.ofSeconds(2)).validateAndBuildWithDefaults());
      try {
        stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
        if (checkNamespace) {
          stubs.blockingStub().describeNamespace(
              DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
        }
        return;
      } catch (Exception e) {
        last = e;
      } finally {
        stubs.shutdownNow();
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new IllegalStateException("Temporal at " + address + " (namespace " + namespace
        + ") did not answer in " + timeout.toSeconds() + " s: " + last);
  }
}

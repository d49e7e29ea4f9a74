package org.emoaudionet.worker;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emo-worker process: polls {@code emo-cpu} and/or {@code emo-gpu} (EMO_WORKER_QUEUES) of
 * the Temporal server at EMO_TEMPORAL_ADDRESS. Start as many as you like, on one machine or
 * several: Temporal spreads the tasks. SIGTERM finishes cleanly (running activities get a grace
 * period, then are retried elsewhere).
 */
public final class WorkerMain {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    WorkerConfig config = WorkerConfig.fromEnv();
    Files.createDirectories(config.workDir());
    LOG.info("emo-worker: temporal {} namespace {}, queues {}, s3 {} bucket {}, mlflow {}, work dir {}",
        config.temporalAddress(), config.temporalNamespace(), config.queues(), config.s3Endpoint(),
        config.s3Bucket(), config.mlflowUri(), config.workDir());
    if (config.queues().contains("emo-gpu")) LOG.info("DJL device: {}", djlDevice());

    WorkerContext ctx = WorkerContext.from(config);
    WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(config.temporalAddress()).build());
    WorkflowClient client = WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder().setNamespace(config.temporalNamespace()).build());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Activities.register(factory, ctx, config.queues());

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("emo-worker: stopping (signal received)");
      factory.shutdown();
      factory.awaitTermination(30, TimeUnit.SECONDS);
      service.shutdown();
      ctx.mlflow.close();
      LOG.info("emo-worker: stopped");
      stopped.countDown();
    }, "emo-worker-shutdown"));

    factory.start();
    LOG.info("emo-worker: polling {}", config.queues());
    stopped.await();
  }

  /** Which device DJL will train on: a GPU when one is visible, else the CPU. */
  static String djlDevice() {
    try {
      ai.djl.engine.Engine engine = ai.djl.engine.Engine.getInstance();
      int gpus = engine.getGpuCount();
      return engine.getEngineName() + " " + engine.getVersion() + ", default device "
          + engine.defaultDevice() + (gpus > 0 ? " (" + gpus + " GPU(s))" : " (no GPU visible)");
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      return "unavailable (" + e + ")";
    }
  }
}

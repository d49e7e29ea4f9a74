package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compose file and Kubernetes manifests parse as YAML and have the shape the docs promise
 * (docker itself is not usable on the build machines). Uses PyYAML, which MLflow's venv has.
 */
class InfraYamlTest {
  private static final String CHECK = String.join("\n",
      "import glob, sys, yaml",
      "root = sys.argv[1]",
      "c = yaml.safe_load(open(root + '/infra/compose/docker-compose.yml'))",
      "s = c['services']",
      "need = {'postgresql','temporal','temporal-ui','minio','minio-init','mlflow','api','worker'}",
      "assert need <= set(s), sorted(s)",
      "w = s['worker']",
      "assert 'container_name' not in w and 'ports' not in w, 'worker must be scalable'",
      "for k in ['EMO_TEMPORAL_ADDRESS','EMO_S3_ENDPOINT','EMO_S3_ACCESS_KEY','EMO_S3_SECRET_KEY',",
      "          'EMO_S3_BUCKET','EMO_MLFLOW_URI','EMO_WORKER_QUEUES','EMO_WORK_DIR','EMO_DAGS_FOLDER',",
      "          'EMO_DATA_ROOTS','EMO_DATA_HOSTS']:",
      "    assert k in w['environment'] and k in s['api']['environment'], k",
      "kinds = []",
      "for f in sorted(glob.glob(root + '/infra/k8s/*.yaml')):",
      "    kinds += [d['kind'] for d in yaml.safe_load_all(open(f)) if d]",
      "assert sorted(kinds) == ['ConfigMap','ConfigMap','Deployment','Deployment','Namespace','Secret','Service'], kinds",
      "dags = [d for d in yaml.safe_load_all(open(root + '/infra/k8s/config.yaml')) if d and d['metadata']['name'] == 'emo-dags']",
      "assert dags and all(yaml.safe_load(v)['dag_id'] for v in dags[0]['data'].values()), 'emo-dags ConfigMap'",
      "print('ok')");

  /** The example DAG files shipped for compose load as the API would load them. */
  @Test
  void composeExampleDagFilesLoad() {
    Path folder = RepoRoot.find().resolve("infra/compose/dags");
    org.emoaudionet.workflows.dag.DagCatalog catalog = org.emoaudionet.workflows.dag.DagCatalog.load(folder);
    var dag = catalog.get("nightly_arousal").orElseThrow();
    assertEquals("0 2 * * *", dag.schedule());
    assertEquals(true, dag.pausedUponCreation());
  }

  @Test
  void composeAndKubernetesFilesParse() throws Exception {
    Path root = RepoRoot.find();
    Path venvPython = root.resolve(".emo/venv/bin/python");
    String python = Files.isExecutable(venvPython) ? venvPython.toString() : "python3";
    Process probe = new ProcessBuilder(python, "-c", "import yaml").start();
    assumeTrue(probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "no PyYAML for " + python);
    Process p = new ProcessBuilder(python, "-c", CHECK, root.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    assertEquals("ok", out.strip(), out);
  }
}

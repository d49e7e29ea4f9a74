package org.emoaudionet.stack.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.emoaudionet.stack.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Airflow's own command line, {@code airflowctl} (apache-airflow-ctl 0.1.5, its own venv from
 * infra/scripts/setup-airflowctl.sh), run as a subprocess against the stack: it logs in with
 * user name and password ({@code POST /auth/token/cli}), lists and pauses DAGs, triggers a run of
 * a DAG whose file names its data set (0.1.5 cannot send a {@code --conf}: it parses the option
 * as a Python dict and refuses JSON before any request) and polls it to success.
 *
 * <p>The commands are a table: one line per command, its arguments and what its output must
 * hold. airflowctl keeps the API URL in {@code $AIRFLOW_HOME/<env>.json} and the token in the
 * system keyring, which a headless machine has none of (login then fails: "Keyring backend is
 * not available"); {@code AIRFLOW_CLI_DEBUG_MODE=true} keeps the token in
 * {@code $AIRFLOW_HOME/debug_creds_<env>.json} instead. HOME and AIRFLOW_HOME are a temp folder
 * and the keyring backend is the failing one, so nothing outside it is read or written.
 */
class AirflowCtlIT {
  static final String CLI = ".emo/airflowctl-venv/bin/airflowctl";
  static final String DAG = "ctl_manifest";
  static final String RUN = "ctl__airflowctl";

  /**
   * One airflowctl invocation: its arguments (split on spaces; {@code {dag}}, {@code {run}},
   * {@code {api}}, {@code {password}}, {@code {dagfile}}, {@code {data}} filled in), the exit it
   * must end with, the texts its output must contain, and, for a poll, that it is repeated until
   * the texts appear.
   */
  record Cmd(String args, boolean ok, boolean poll, List<String> expect) {}

  static Cmd cmd(String args, String... expect) {
    return new Cmd(args, true, false, List.of(expect));
  }

  /** A command that must fail (non-zero exit) saying {@code expect}. */
  static Cmd fails(String args, String... expect) {
    return new Cmd(args, false, false, List.of(expect));
  }

  /** Repeated (every 5 s, up to {@link #RUN_TIMEOUT}) until its output has {@code expect}. */
  static Cmd until(String args, String... expect) {
    return new Cmd(args, true, true, List.of(expect));
  }

  static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  /** In order: the later lines need the earlier ones (login first, the run before its checks). */
  static final List<Cmd> COMMANDS = List.of(
      cmd("auth login --api-url {api} --username admin --password {password}",
          "Login successful"),
      cmd("auth list-envs", "\"environment\": \"production\"", "\"api_url\": \"{api}\"",
          "\"status\": \"authenticated\""),
      cmd("auth token --api-url {api} --username admin --password {password}", "eyJ"),
      cmd("version --remote", "'airflowctl_version': '0.1.5'", "'version': '"),
      cmd("dags list", "\"dag_id\": \"{dag}\"", "\"dag_id\": \"audio_manifest_classification\"",
          "\"dag_id\": \"recola_arousal\""),
      cmd("dags get {dag}", "\"dag_id\": \"{dag}\"", "\"fileloc\": \"{dagfile}\"",
          "\"is_paused\": \"False\""),
      cmd("dags get-details {dag}", "\"dag_id\": \"{dag}\"", "\"dataset_uri\": [{\"value\": \"{data}\""),
      cmd("dags pause {dag}", "Dag pause successful {dag}", "\"is_paused\": \"True\""),
      cmd("dags unpause {dag}", "Dag unpause successful {dag}", "\"is_paused\": \"False\""),
      cmd("dags update {dag} --no-is-paused", "\"dag_id\": \"{dag}\"", "\"is_paused\": \"False\""),
      cmd("dags next-execution {dag}", "No upcoming run scheduled for DAG {dag}"),
      fails("dags get no_such_dag", "The Dag with ID: `no_such_dag` was not found"),
      fails("dags trigger {dag} --conf {\"epochs\":1}", "argument --conf: invalid dict value"),
      cmd("dags trigger {dag} --dag-run-id {run} --note from-airflowctl",
          "\"dag_run_id\": \"{run}\"", "\"dag_id\": \"{dag}\"", "\"dataset_uri\": \"{data}\"",
          "\"note\": \"from-airflowctl\"", "\"triggering_user_name\": \"admin\""),
      until("dagrun get {dag} {run}", "\"state\": \"success\"", "\"end_date\": \"20"),
      cmd("dagrun list --dag-id {dag}", "\"dag_run_id\": \"{run}\"", "\"state\": \"success\""),
      // Task results (XCom return_value) of the run above; the asset of ctl_incoming's data
      // trigger, announced once (the event names the run it started); the catalog's reads.
      cmd("xcom list {dag} {run} train", "\"key\": \"return_value\"", "\"task_id\": \"train\""),
      cmd("xcom get {dag} {run} evaluate return_value", "\"key\": \"return_value\"",
          "\"value\": ", "test_accuracy"),
      cmd("assets list", "\"id\": \"1\", \"name\": \"s3://emo/incoming/ctl/\"",
          "\"watchers\": [{\"name\": \"emo-data-trigger/ctl_incoming\""),
      cmd("assets get 1", "\"name\": \"s3://emo/incoming/ctl/\"", "ctl_incoming"),
      cmd("assets create-event --asset-id 1", "\"asset_id\": ", "ctl_incoming"),
      // airflowctl 0.1.5 sends its one dag_ids argument letter by letter (dag_ids=c&dag_ids=t&...,
      // its argparse type is list), so Airflow answers no DAG, and so does this API.
      cmd("dags get-stats {dag}", "[]"),
      cmd("dags list-version {dag}", "\"version_number\": ", "\"dag_id\": \"{dag}\""),
      cmd("dags list-import-errors", "[]"),
      cmd("pools list", "\"name\": \"default_pool\"", "\"name\": \"emo-cpu\""),
      cmd("variables create --key ctl_batch --value b-17 --description from-airflowctl",
          "\"key\": \"ctl_batch\"", "b-17"),
      cmd("variables list", "\"key\": \"ctl_batch\""),
      cmd("variables update --key ctl_batch --value b-18", "\"value\": \"b-18\""),
      cmd("variables get ctl_batch", "\"key\": \"ctl_batch\"", "\"value\": \"b-18\""),
      cmd("variables delete ctl_batch", "ctl_batch"),
      fails("variables get ctl_batch", "ctl_batch"),
      cmd("dags get-version {dag} 1", "\"version_number\": ", "\"dag_id\": \"{dag}\""),
      cmd("pools get emo-cpu", "\"name\": \"emo-cpu\"", "\"slots\": "),
      cmd("config get core dags_folder", "dags_folder"),
      cmd("config list", "\"name\": \"core\"", "\"key\": \"jwt_secret\", \"value\": \"< hidden >\""),
      cmd("dagrun list --state success", "\"dag_run_id\": \"{run}\""));

  @TempDir Path tmp;

  @Test
  void airflowctlDrivesARunToSuccess() throws Exception {
    Path root = PlatformFixture.repoRoot();
    PlatformFixture.requireBuilt(root);
    Path cli = requireAirflowCtl(root);
    Path home = tmp.resolve("home");
    Path data = PlatformFixture.tinyManifest(root, PlatformFixture.dataDir(home), 4)
        .resolve("manifest.csv");
    Path dags = Files.createDirectories(tmp.resolve("dags"));
    Path dagFile = dags.resolve(DAG + ".yaml");
    Files.writeString(dagFile, """
        dag_id: %s
        description: The tiny manifest sample, triggered by airflowctl
        tags: [manifest, it]
        task: label
        layout: manifest
        preset: small
        dataset_uri: %s
        default_conf: {epochs: 1, augment: false}
        """.formatted(DAG, data.toAbsolutePath()));
    // A second DAG, watching an S3 prefix: its data trigger is the asset airflowctl announces.
    Files.writeString(dags.resolve("ctl_incoming.yaml"), """
        dag_id: ctl_incoming
        description: Data announced through an asset event
        tags: [manifest, asset]
        task: label
        layout: manifest
        preset: small
        default_conf: {epochs: 1, augment: false}
        data_trigger: {prefix: "s3://emo/incoming/ctl/", poll_interval: 1h}
        """);
    var config = PlatformFixture.config(root, home, true).withDagsFolder(dags);
    try (Stack stack = PlatformFixture.start(config)) {
      stack.apiClient().dag(DAG); // the API's first answers are its slowest: not airflowctl's
      Path ctlHome = Files.createDirectories(tmp.resolve("ctl-home"));
      Map<String, String> vars = Map.of("{dag}", DAG, "{run}", RUN,
          "{api}", stack.config().apiUrl(), "{password}", stack.adminPassword(),
          "{dagfile}", dagFile.toString(), "{data}", data.toAbsolutePath().toString());
      long t0 = System.nanoTime();
      // Every line runs, so that one report names every command whose output is off (a later
      // line never depends on an earlier one's output, only on the run having succeeded).
      List<String> failures = new ArrayList<>();
      for (Cmd c : COMMANDS) {
        try {
          run(cli, ctlHome, c, vars, stack.adminPassword());
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
      System.out.printf("airflowctl: %d commands in %.0f s, %d failed%n", COMMANDS.size(),
          (System.nanoTime() - t0) / 1e9, failures.size());
      assertTrue(failures.isEmpty(), failures.size() + " airflowctl commands failed:\n"
          + String.join("\n\n", failures));

      // Where the login went: the URL and the token in the temp AIRFLOW_HOME, nothing else.
      Path airflowHome = ctlHome.resolve("airflow");
      assertEquals("{\"api_url\": \"" + stack.config().apiUrl() + "\"}",
          Files.readString(airflowHome.resolve("production.json")));
      assertTrue(Files.readString(airflowHome.resolve("debug_creds_production.json"))
          .contains("\"api_token_production\": \"eyJ"));
      // The run was airflowctl's: its note, and the DAG file's data set as its conf.
      var run = stack.apiClient().dagRun(DAG, RUN);
      assertEquals("success", run.path("state").asText(), run.toString());
      assertEquals("from-airflowctl", run.path("note").asText(), run.toString());
      assertEquals(data.toAbsolutePath().toString(), run.path("conf").path("dataset_uri").asText());
    }
  }

  /** Runs one table line (a poll until it matches or the run fails), checking its output. */
  static void run(Path cli, Path home, Cmd c, Map<String, String> vars, String secret)
      throws Exception {
    List<String> argv = new ArrayList<>(List.of(cli.toString()));
    for (String a : c.args().split(" ")) argv.add(fill(a, vars));
    List<String> expect = c.expect().stream().map(e -> fill(e, vars)).toList();
    String shown = String.join(" ", argv.subList(1, argv.size())).replace(secret, "***");
    long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
    while (true) {
      long t0 = System.nanoTime();
      Result r = exec(argv, home);
      boolean matched = expect.stream().allMatch(r.out()::contains);
      System.out.printf("airflowctl %s -> exit %d, %.1f s%n", shown, r.exit(),
          (System.nanoTime() - t0) / 1e9);
      if (c.poll() && !matched && r.exit() == 0 && System.nanoTime() < deadline) {
        assertFalse(r.out().contains("\"state\": \"failed\""), shown + " failed:\n" + r.out());
        Thread.sleep(5000); // each call is a Python start-up: the CPU is the training's
        continue;
      }
      String why = shown + "\n" + r.out();
      if (c.ok()) {
        assertEquals(0, r.exit(), why);
      } else {
        assertNotEquals(0, r.exit(), why);
      }
      for (String e : expect) {
        assertTrue(r.out().contains(e), "'" + e + "' not in the output of " + why);
      }
      return;
    }
  }

  record Result(int exit, String out) {}

  /** airflowctl in a clean, private environment: its own HOME, AIRFLOW_HOME and no keyring. */
  static Result exec(List<String> argv, Path home) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(home.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AIRFLOW") || k.startsWith("PYTHON"));
    env.put("HOME", home.toString());
    env.put("AIRFLOW_HOME", home.resolve("airflow").toString());
    env.put("AIRFLOW_CLI_DEBUG_MODE", "true");
    // Never a desktop keyring, even where one runs: the debug file above holds the token.
    env.put("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring");
    // rich's tables and wrapping: wide, without colour codes in what is checked.
    env.put("COLUMNS", "400");
    env.put("NO_COLOR", "1");
    env.put("TERM", "dumb");
    // No prompts (stdin is empty: a missing argument fails instead of waiting); the output in a
    // file, so that a command that hangs is still stopped at the time limit.
    Path out = Files.createTempFile(home, "out", ".txt");
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile());
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("airflowctl did not end in 120 s: " + argv + "\n"
          + Files.readString(out));
    }
    String text = Files.readString(out);
    Files.delete(out);
    return new Result(p.exitValue(), text);
  }

  static String fill(String s, Map<String, String> vars) {
    for (var e : vars.entrySet()) s = s.replace(e.getKey(), e.getValue());
    return s;
  }

  /** Like PlatformFixture.requireBuilt: skips, or under -Demo.it.required=true fails. */
  static Path requireAirflowCtl(Path root) {
    Path cli = root.resolve(CLI);
    String why = "no " + CLI + " (run infra/scripts/setup-airflowctl.sh; ./emo test does)";
    if (Boolean.getBoolean("emo.it.required") && !Files.isExecutable(cli)) {
      throw new IllegalStateException(why);
    }
    assumeTrue(Files.isExecutable(cli), why);
    return cli;
  }
}

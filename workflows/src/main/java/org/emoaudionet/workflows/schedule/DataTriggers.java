package org.emoaudionet.workflows.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.emoaudionet.workflows.conf.ConfValidator;
import org.emoaudionet.workflows.dag.DagDefinition;
import org.emoaudionet.workflows.dag.DataTrigger;
import org.emoaudionet.workflows.pipeline.RunMemo;

/** Turns a DAG with a {@code data_trigger} into its watcher's input (the API does this at start-up). */
public final class DataTriggers {
  private DataTriggers() {}

  /** Polls per watcher execution before continue-as-new: about 800 history events. */
  public static final int POLLS_PER_EXECUTION = 100;

  /**
   * The watcher input of {@code dag}: its default conf with {@code dataset_uri} set to the
   * prefix (unless the DAG names another), validated as a triggered run's conf would be.
   *
   * @throws IllegalArgumentException naming the DAG and the field when the trigger or the conf
   *     is not usable
   */
  public static DataTriggerInput input(DagDefinition dag, int pollsPerExecution) {
    DataTrigger t = dag.dataTrigger();
    if (t == null) throw new IllegalArgumentException("DAG " + dag.dagId() + " has no data_trigger");
    checkPrefix(dag.dagId(), t.prefix());
    if (t.pollInterval() == null || t.pollInterval().isNegative() || t.pollInterval().isZero()) {
      throw new IllegalArgumentException("DAG " + dag.dagId() + ": data_trigger.poll_interval '"
          + t.pollInterval() + "' must be a positive duration");
    }
    Map<String, Object> conf = new LinkedHashMap<>();
    Object named = dag.defaultConf().get("dataset_uri");
    if (named == null || named.toString().isBlank()) conf.put("dataset_uri", t.prefix());
    ConfValidator.Result v = ConfValidator.validate(conf, dag, null);
    if (!v.ok()) {
      ConfValidator.FieldError e = v.errors().get(0);
      throw new IllegalArgumentException("DAG " + dag.dagId() + ": the conf of its data-triggered "
          + "runs is invalid: conf." + e.field() + ": " + e.message());
    }
    String hash = sha256(dag.dagId() + "\n" + t.prefix() + "\n" + t.pollInterval() + "\n"
        + RunMemo.toJson(sorted(v.conf().toConf())) + "\n" + dag.participantLevel() + "\n"
        + dag.champion() + "\n" + dag.pausedUponCreation() + "\n" + pollsPerExecution);
    return new DataTriggerInput(dag.dagId(), t, v.conf(), dag.participantLevel(),
        dag.champion(), dag.pausedUponCreation(), hash, pollsPerExecution,
        DataTriggerState.INITIAL);
  }

  /** {@code s3://bucket/some/prefix/}: a bucket, and a trailing slash (a folder, not one object). */
  static void checkPrefix(String dagId, String prefix) {
    String p = prefix == null ? "" : prefix;
    int slash = p.startsWith("s3://") ? p.indexOf('/', 5) : -1;
    if (slash <= 5 || !p.endsWith("/")) {
      throw new IllegalArgumentException("DAG " + dagId + ": data_trigger.prefix '" + prefix
          + "' must be s3://bucket/prefix/ (with the trailing slash)");
    }
  }

  private static Map<String, Object> sorted(Map<String, Object> m) {
    return m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> e.getValue() instanceof Map<?, ?> inner ? new TreeMap<>(inner) : e.getValue(),
        (a, b) -> a, TreeMap::new));
  }

  private static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

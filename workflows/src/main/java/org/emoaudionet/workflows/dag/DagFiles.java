package org.emoaudionet.workflows.dag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.spec.FieldProblem;
import org.emoaudionet.spec.FieldReader;
import org.emoaudionet.spec.FieldReader.Need;
import org.emoaudionet.spec.PresetNames;
import org.emoaudionet.spec.SplitProtocol;
import org.emoaudionet.workflows.conf.ConfValidator;

/**
 * Reads one DAG file (YAML, so JSON too) into a {@link DagDefinition}. Everything is checked
 * here, once, so a typo in a DAG file stops the process that loads it with the file and field
 * named, instead of failing a run later:
 *
 * <pre>
 * dag_id: recola_arousal
 * description: Arousal (10 bins of [-1, 1]) on RECOLA
 * tags: [recola, emotion]
 * task: arousal
 * layout: recola
 * preset: small
 * dataset_uri: null
 * participant_level: false
 * default_conf: {split: speaker, augment: true, arch: emoaudionet}   # these are the defaults
 * schedule: null            # 5-field cron or @hourly/@daily/...; null: manual only
 * data_trigger: null        # {prefix: s3://emo/incoming/x/, poll_interval: 30s}
 * champion: {metric: test_ccc, higher_is_better: true}
 * is_paused_upon_creation: false
 * </pre>
 */
public final class DagFiles {
  private DagFiles() {}

  private static final ObjectMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final Set<String> DATA_TRIGGER_KEYS = new LinkedHashSet<>(
      List.of("prefix", "poll_interval"));
  private static final Set<String> CHAMPION_KEYS = new LinkedHashSet<>(
      List.of("metric", "higher_is_better"));
  /** Airflow's KEY_REGEX for dag ids. */
  private static final Pattern DAG_ID = Pattern.compile("[A-Za-z0-9_.-]{1,250}");
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

  public static final Set<String> KEYS = new LinkedHashSet<>(List.of("dag_id", "description",
      "tags", "task", "layout", "preset", "dataset_uri", "participant_level", "default_conf",
      "schedule", "data_trigger", "champion", "is_paused_upon_creation"));
  /** The keys of {@code default_conf} that have their own top-level field. */
  private static final Set<String> TOP_LEVEL_CONF = Set.of("task", "layout", "preset", "dataset_uri");

  /**
   * @param source how errors name the file (its path, or {@code dags/x.yaml} on the classpath)
   * @throws DagFileException naming {@code source} and the field
   */
  public static DagDefinition parse(String source, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new DagFileException(source + ": not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""), e);
    }
    if (root == null || !root.isObject()) {
      throw new DagFileException(source + ": a DAG file must be a mapping of the keys " + KEYS);
    }
    Reader r = new Reader(source, YAML.convertValue(root, MAP));
    r.fields.refuseUnknownKeys(KEYS);
    String dagId = r.string("dag_id", true);
    if (!DAG_ID.matcher(dagId).matches()) {
      throw r.error("dag_id", "'" + dagId + "' must be 1-250 letters, digits, '_', '.' or '-'");
    }
    String description = r.string("description", false);
    List<String> tags = r.stringList("tags");
    String task = r.string("task", true);
    String layout = r.string("layout", true);
    String preset = r.string("preset", false);
    String datasetUri = r.string("dataset_uri", false);
    boolean participantLevel = r.bool("participant_level", false);
    Map<String, Object> extraConf = r.object("default_conf");
    String schedule = r.string("schedule", false);
    boolean paused = r.bool("is_paused_upon_creation", false);

    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("layout", layout);
    conf.put("task", task);
    conf.put("preset", preset != null ? preset : PresetNames.DEFAULT);
    if (datasetUri != null) conf.put("dataset_uri", datasetUri);
    // the platform's defaults for what every run needs; default_conf overrides them
    conf.put("split", SplitProtocol.DEFAULT.wireName());
    conf.put("augment", true);
    conf.put("arch", Architecture.DEFAULT.wireName());
    for (Map.Entry<String, Object> e : extraConf.entrySet()) {
      if (TOP_LEVEL_CONF.contains(e.getKey())) {
        throw r.error("default_conf." + e.getKey(), "set '" + e.getKey()
            + "' as a top-level key of the DAG file, not in default_conf");
      }
      conf.put(e.getKey(), e.getValue());
    }
    checkConf(r, dagId, conf);

    if (schedule != null) {
      try {
        schedule = Timetable.parse(schedule).summary();
      } catch (IllegalArgumentException e) {
        throw r.error("schedule", e.getMessage());
      }
      if (datasetUri == null) {
        throw r.error("dataset_uri", "is required when 'schedule' is set (a scheduled run has"
            + " no one to give it a conf)");
      }
    }
    DataTrigger trigger = dataTrigger(r.nested("data_trigger", DATA_TRIGGER_KEYS));
    ChampionPolicy champion = champion(r.nested("champion", CHAMPION_KEYS), task);
    return new DagDefinition(dagId, description, tags, java.util.Collections.unmodifiableMap(conf),
        participantLevel, schedule, trigger, champion, paused);
  }

  /** The merged default conf must be valid for a run that only adds {@code dataset_uri}. */
  private static void checkConf(Reader r, String dagId, Map<String, Object> conf) {
    Map<String, Object> probe = new LinkedHashMap<>(conf);
    // an s3:// URI passes any data source policy: a DAG that names no dataset_uri is not refused
    // for the placeholder; one that names its own has it checked as a run's would be
    probe.putIfAbsent("dataset_uri", "s3://probe/probe/");
    // pretrained_from names another DAG's run: only a run's trigger can check that it exists
    probe.remove("pretrained_from");
    DagDefinition candidate = new DagDefinition(dagId, null, List.of(), probe, false);
    ConfValidator.Result v = ConfValidator.validate(null, candidate, null);
    if (v.ok()) return;
    ConfValidator.FieldError e = v.errors().get(0);
    String field = TOP_LEVEL_CONF.contains(e.field()) ? e.field() : "default_conf." + e.field();
    throw r.error(field, e.message());
  }

  private static DataTrigger dataTrigger(Reader r) {
    if (r == null) return null;
    String prefix = r.string("prefix", true);
    if (!prefix.startsWith("s3://") || prefix.length() <= "s3://".length()) {
      throw r.error("prefix", "'" + prefix + "' must be an s3://bucket/prefix/ URI");
    }
    String interval = r.string("poll_interval", false);
    Duration poll = interval == null ? DEFAULT_POLL_INTERVAL : duration(r, "poll_interval", interval);
    return new DataTrigger(prefix, poll);
  }

  private static ChampionPolicy champion(Reader r, String task) {
    if (r == null) return ChampionPolicy.defaultFor(task);
    String metric = r.string("metric", true);
    if (!metric.startsWith("test_")) {
      throw r.error("metric", "'" + metric + "' must be a test-set metric the evaluate task logs"
          + " (test_accuracy, test_f1_macro, test_ccc, test_rmse, ...)");
    }
    boolean higher = !r.has("higher_is_better") ? !metric.matches("test_(rmse|mae|loss).*")
        : r.bool("higher_is_better", true);
    return new ChampionPolicy(metric, higher);
  }

  /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 250ms}, {@code 1d} or ISO-8601 {@code PT30S}. */
  static Duration duration(Reader r, String field, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(t);
    Duration d;
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } else {
      try {
        d = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw r.error(field, "'" + text + "' is not a duration (e.g. 30s, 5m, 1h or PT30S)");
      }
    }
    if (d.isZero() || d.isNegative()) throw r.error(field, "'" + text + "' must be positive");
    return d;
  }

  /**
   * The file's {@link FieldReader}: the first problem stops the load, worded as a DAG file's
   * errors are ({@code <file>: field 'data_trigger.prefix': is required}).
   */
  static final class Reader {
    private final String source;
    final FieldReader fields;

    Reader(String source, Map<String, Object> values) {
      this.source = source;
      this.fields = new FieldReader(values, p -> {
        throw error(p);
      });
    }

    private Reader(String source, FieldReader fields) {
      this.source = source;
      this.fields = fields;
    }

    /** The mapping at {@code key}, its keys checked against {@code keys}; null when absent. */
    Reader nested(String key, Set<String> keys) {
      FieldReader r = fields.nested(key, keys);
      return r == null ? null : new Reader(source, r);
    }

    DagFileException error(String field, String message) {
      return new DagFileException(source + ": field '" + fields.field(field) + "': " + message);
    }

    private DagFileException error(FieldProblem p) {
      return new DagFileException(source + ": field '" + p.field() + "': " + message(p));
    }

    String string(String key, boolean required) {
      return fields.text(key, required ? Need.REQUIRED : Need.OPTIONAL);
    }

    boolean bool(String key, boolean dflt) {
      Boolean b = fields.bool(key, Need.OPTIONAL);
      return b == null ? dflt : b;
    }

    List<String> stringList(String key) {
      List<String> l = fields.stringList(key, Need.OPTIONAL);
      return l == null ? List.of() : l;
    }

    Map<String, Object> object(String key) {
      Map<String, Object> m = fields.object(key, Need.OPTIONAL);
      return m == null ? Map.of() : m;
    }

    boolean has(String key) {
      return fields.values().get(key) != null;
    }

    private static String message(FieldProblem p) {
      String got = ", got " + asYamlValue(p.input());
      return switch (p.kind()) {
        case MISSING, NULL -> "is required";
        case BLANK -> "must not be blank";
        case UNKNOWN_KEY -> "unknown key; allowed keys: " + KEYS_OF.getOrDefault(parent(p.field()), KEYS);
        case WRONG_TYPE -> switch (p.expected()) {
          case STRING -> "must be a string" + got;
          case BOOLEAN -> "must be true or false" + got;
          case STRING_LIST -> "must be a list of strings" + got;
          case OBJECT -> "must be a mapping" + got;
          default -> "has the wrong type" + got;
        };
        default -> "is not allowed" + got;
      };
    }

    private static String parent(String field) {
      int dot = field.lastIndexOf('.');
      return dot < 0 ? "" : field.substring(0, dot);
    }
  }

  /** The allowed keys of each mapping below the top, by its field. */
  private static final Map<String, Set<String>> KEYS_OF = Map.of(
      "data_trigger", DATA_TRIGGER_KEYS, "champion", CHAMPION_KEYS);

  /** A value as the file would spell it (JSON flow style: strings quoted, lists bracketed). */
  private static String asYamlValue(Object v) {
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }
}

package org.emoaudionet.workflows.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.emoaudionet.spec.Architecture;
import org.emoaudionet.spec.FieldProblem;
import org.emoaudionet.spec.FieldReader;
import org.emoaudionet.spec.FieldReader.Need;
import org.emoaudionet.spec.Layout;
import org.emoaudionet.spec.PresetNames;
import org.emoaudionet.spec.SplitProtocol;
import org.emoaudionet.workflows.dag.DagDefinition;

/**
 * Turns a DAG run's {@code conf} (JSON object, snake_case keys) into a {@link RunConf}: the DAG's
 * default conf is merged under it, then every key is checked so that a typo or a wrong type is
 * refused with the field's name instead of failing an hour later inside a worker.
 */
public final class ConfValidator {
  private ConfValidator() {}

  /** One refused field; {@code type} follows pydantic's words as Airflow reports them. */
  public record FieldError(String field, String type, String message, Object input) {}

  /** Either a conf or the reasons it was refused. */
  public record Result(RunConf conf, Map<String, Object> merged, List<FieldError> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  /**
   * Says whether a run usable as {@code pretrained_from} exists: the caller knows the DAGs and
   * runs of its deployment (the API's catalog and Temporal), this class does not, so an unknown
   * dag_id is the lookup's to report too. Without a lookup (DAG files, schedules, triggers
   * checking their own defaults) only the value's shape is checked.
   *
   * @return null when it does, else why not (e.g. "no such run")
   */
  @FunctionalInterface
  public interface PretrainedLookup {
    String problem(String dagId, String dagRunId);
  }

  /** The DAG whose runs {@code pretrained_from} names when it has no {@code dag_id/} prefix. */
  public static final String PRETRAIN_DAG = "librispeech_gender_pretrain";

  public static final Set<String> KEYS = Set.of("layout", "dataset_uri", "task", "preset", "split",
      "epochs", "seed", "augment", "pretrained_from", "arch", "checksum", "extra", "import_model",
      "folds", "shard_recordings", "shard_parallelism", "shuffle_buffer", "speakers",
      "minutes_per_speaker");

  /** The bundled presets: one YAML file each in the run vocabulary ({@link PresetNames}). */
  public static final Set<String> PRESETS = Set.copyOf(PresetNames.ALL);
  /** The most folds a run may ask for: each is a child workflow that trains a model. */
  public static final int MAX_FOLDS = 100;
  static final Set<String> LAYOUTS = Set.copyOf(Layout.wireNames());
  static final Set<String> SPLITS = Set.copyOf(SplitProtocol.wireNames());
  static final Set<String> ARCHS = Set.copyOf(Architecture.wireNames());
  private static final Pattern CHECKSUM = Pattern.compile("(md5:[0-9a-fA-F]{32}|sha256:[0-9a-fA-F]{64})");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_.:+~-]+");
  /** S3's bucket naming rules, short form: 3-63 of lower case letters, digits, dots, hyphens. */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final String IMPORT_FORMS = "a local path or file:// URI of a model directory"
      + " or .tar.gz, s3://bucket/prefix/ (a model directory: mind the final '/') or"
      + " s3://bucket/key.tar.gz";

  /**
   * Validates {@code conf} (may be null: defaults only) for {@code dag}, its sources under this
   * process's {@link DataSourcePolicy#fromEnv() data source policy} (the API's and the workers'
   * environments name the same EMO_DATA_ROOTS and EMO_DATA_HOSTS).
   */
  public static Result validate(Map<String, Object> conf, DagDefinition dag, PretrainedLookup lookup) {
    return validate(conf, dag, lookup, DataSourcePolicy.fromEnv());
  }

  /** Validates {@code conf} for {@code dag}, with {@code sources} judging the places it names. */
  public static Result validate(Map<String, Object> conf, DagDefinition dag,
      PretrainedLookup lookup, DataSourcePolicy sources) {
    Map<String, Object> merged = new LinkedHashMap<>(dag.defaultConf());
    if (conf != null) merged.putAll(conf);
    List<FieldError> errors = new ArrayList<>();
    Fields f = Fields.of(merged, errors);
    f.reader().refuseUnknownKeys(KEYS);
    String layout = f.oneOf("layout", LAYOUTS, true, errors);
    String task = f.string("task", true);
    String taskProblem = layout == null || task == null ? null
        : Layout.parse(layout).taskProblem(task);
    if (taskProblem != null) errors.add(new FieldError("task", "enum", taskProblem, task));
    String datasetUri = f.string("dataset_uri", true);
    if (datasetUri != null && allowed(sources, "dataset_uri", datasetUri, errors)
        && RunConf.namesCsv(datasetUri)) {
      checkCsvDataset(datasetUri, layout, merged, errors);
    }
    String preset = f.oneOf("preset", PRESETS, true, errors);
    String split = f.oneOf("split", SPLITS, true, errors);
    String arch = f.oneOf("arch", ARCHS, true, errors);
    Integer epochs = f.positiveInt("epochs");
    Long seed = f.integer("seed");
    Boolean augment = f.bool("augment");
    String checksum = f.string("checksum", false);
    if (checksum != null && !CHECKSUM.matcher(checksum).matches()) {
      errors.add(new FieldError("checksum", "string_pattern_mismatch",
          "checksum '" + checksum + "' must be md5:<32 hex> or sha256:<64 hex>", checksum));
    }
    String pretrained = f.string("pretrained_from", false);
    if (pretrained != null) checkPretrained(pretrained, dag, lookup, errors);
    Map<String, String> extra = f.stringMap("extra");
    String importModel = f.string("import_model", false);
    if (importModel != null) {
      String problem = importModelProblem(importModel.trim());
      if (problem != null) {
        errors.add(new FieldError("import_model", "value_error",
            "import_model '" + importModel + "' " + problem, importModel));
      } else {
        allowed(sources, "import_model", importModel, errors);
        if (pretrained != null) {
          errors.add(new FieldError("import_model", "value_error", "import_model and"
              + " pretrained_from exclude each other: an imported model is not trained here",
              importModel));
        }
      }
    }
    Integer folds = folds(f, merged, split, importModel, errors);
    Sharding sharding = sharding(f, merged, errors);
    SpeakerSelection selection = selection(f, merged, errors);
    if (!errors.isEmpty()) return new Result(null, merged, List.copyOf(errors));
    RunConf run = new RunConf(layout, datasetUri, task, preset, split, epochs, seed,
        augment != null && augment, pretrained, arch, checksum, extra,
        importModel == null ? null : importModel.trim(), folds, null, sharding, selection);
    return new Result(run, merged, List.of());
  }

  /** Whether {@code sources} lets the worker read {@code value}; if not, the refusal is recorded. */
  private static boolean allowed(DataSourcePolicy sources, String field, String value,
      List<FieldError> errors) {
    try {
      sources.check(field, value);
      return true;
    } catch (DataSourcePolicy.Refused e) {
      errors.add(new FieldError(field, "value_error", e.getMessage(), value));
      return false;
    }
  }

  /**
   * {@code folds}: absent or 0 is no cross-validation (null), K in 2..{@link #MAX_FOLDS} runs K
   * speaker-independent folds; anything else is refused naming the field.
   */
  private static Integer folds(Fields f, Map<String, Object> merged, String split,
      String importModel, List<FieldError> errors) {
    Object raw = merged.get("folds");
    Long v = f.integer("folds");
    if (v == null) return null;
    if (v == 0) return null;
    if (v < 2 || v > MAX_FOLDS) {
      errors.add(new FieldError("folds", "value_error", "conf.folds must be 0 (no"
          + " cross-validation) or an integer from 2 to " + MAX_FOLDS + ", got " + v, raw));
      return null;
    }
    if (SplitProtocol.PAPER.wireName().equals(split)) {
      errors.add(new FieldError("folds", "value_error", "conf.folds: cross-validation deals"
          + " speakers to folds, so it needs split 'speaker', not 'paper'", raw));
      return null;
    }
    if (importModel != null) {
      errors.add(new FieldError("folds", "value_error", "conf.folds and import_model exclude"
          + " each other: cross-validation trains a model per fold", raw));
      return null;
    }
    return v.intValue();
  }

  /**
   * {@code speakers} (an integer >= 1) and {@code minutes_per_speaker} (a number > 0): the part of
   * the data set the run uses; null when neither is given.
   */
  private static SpeakerSelection selection(Fields f, Map<String, Object> merged,
      List<FieldError> errors) {
    Integer speakers = f.positiveInt("speakers");
    Object raw = merged.get("minutes_per_speaker");
    Double minutes = null;
    if (raw != null) {
      if (raw instanceof Number n && Double.isFinite(n.doubleValue())
          && n.doubleValue() > 0) {
        minutes = n.doubleValue();
      } else {
        errors.add(new FieldError("minutes_per_speaker", "value_error", "conf.minutes_per_speaker"
            + " must be a number of minutes > 0, got " + raw, raw));
      }
    }
    return speakers == null && minutes == null ? null : new SpeakerSelection(speakers, minutes);
  }

  /**
   * {@code shard_recordings} turns sharding on; {@code shard_parallelism} and
   * {@code shuffle_buffer} tune it and mean nothing without it (refused alone, so a run never
   * silently ignores them).
   */
  private static Sharding sharding(Fields f, Map<String, Object> merged,
      List<FieldError> errors) {
    Integer perShard = f.positiveInt("shard_recordings");
    Long parallel = f.reader().integer("shard_parallelism", Need.OPTIONAL, 1,
        Sharding.MAX_PARALLELISM, false);
    Long buffer = f.reader().integer("shuffle_buffer", Need.OPTIONAL, 1, 10_000_000, false);
    if (perShard == null) {
      for (String k : List.of("shard_parallelism", "shuffle_buffer")) {
        if (merged.get(k) != null) {
          errors.add(new FieldError(k, "value_error", "conf." + k + " tunes sharded preparation,"
              + " which conf.shard_recordings turns on: set shard_recordings or leave " + k
              + " out", merged.get(k)));
        }
      }
      return null;
    }
    return new Sharding(perShard,
        parallel == null ? Sharding.DEFAULT_PARALLELISM : parallel.intValue(),
        buffer == null ? Sharding.DEFAULT_SHUFFLE_BUFFER : buffer.intValue());
  }

  /**
   * A {@code dataset_uri} naming the manifest CSV itself: only the manifest layout reads one, from
   * a path, {@code file://} or {@code s3://} (its listed files are fetched beside it).
   */
  private static void checkCsvDataset(String uri, String layout, Map<String, Object> merged,
      List<FieldError> errors) {
    String lower = uri.trim().toLowerCase(java.util.Locale.ROOT);
    if (layout != null && !Layout.parse(layout).namesFile()) {
      errors.add(new FieldError("dataset_uri", "value_error", "dataset_uri '" + uri + "' names a"
          + " CSV manifest, which only layout 'manifest' reads (layout is '" + layout + "')", uri));
    } else if (lower.matches("^[a-z][a-z0-9+.-]*://.*") && !lower.startsWith("file:")
        && !lower.startsWith("s3://")) {
      errors.add(new FieldError("dataset_uri", "value_error", "dataset_uri '" + uri + "' names a"
          + " CSV manifest by a URI scheme its files cannot be fetched beside it from; a CSV is read"
          + " from a local path, file:// or s3:// (or pack the CSV and its files as an archive)", uri));
    } else if (merged.get("extra") instanceof Map<?, ?> extra && extra.get("manifest") != null) {
      errors.add(new FieldError("extra.manifest", "value_error", "extra.manifest names the CSV"
          + " inside a folder or archive, but dataset_uri '" + uri + "' already names the CSV;"
          + " leave extra.manifest out", extra.get("manifest")));
    }
  }

  private static void checkPretrained(String value, DagDefinition dag, PretrainedLookup lookup,
      List<FieldError> errors) {
    int slash = value.indexOf('/');
    String dagId = slash < 0 ? PRETRAIN_DAG : value.substring(0, slash);
    String runId = slash < 0 ? value : value.substring(slash + 1);
    if (runId.isEmpty() || !RUN_ID.matcher(runId).matches()) {
      errors.add(new FieldError("pretrained_from", "value_error", "pretrained_from '" + value
          + "' must be <dag_run_id> of " + PRETRAIN_DAG + " or <dag_id>/<dag_run_id>", value));
      return;
    }
    String problem = lookup == null ? null : lookup.problem(dagId, runId);
    if (problem != null) {
      errors.add(new FieldError("pretrained_from", "value_error",
          "pretrained_from '" + value + "': " + problem, value));
    }
  }

  /**
   * Why {@code value} is not a place a model can be imported from, or null. Only the shape is
   * checked here: whether the files exist is the worker's to say (a local path is on its disk).
   */
  static String importModelProblem(String value) {
    String lower = value.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("s3://")) {
      String rest = value.substring(5);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      String key = slash < 0 ? "" : rest.substring(slash + 1);
      if (!BUCKET.matcher(bucket).matches()) {
        return "names no valid bucket ('" + bucket + "'); expected " + IMPORT_FORMS;
      }
      if (key.isEmpty()) {
        return "names a whole bucket; expected " + IMPORT_FORMS;
      }
      if (!key.endsWith("/") && !isTarGz(key)) {
        return "is neither a prefix ending in '/' nor a .tar.gz object; expected " + IMPORT_FORMS;
      }
      if (key.startsWith("/") || java.util.Arrays.asList(key.split("/")).contains("..")) {
        return "has an empty or '..' part in its key; expected " + IMPORT_FORMS;
      }
      return null;
    }
    if (lower.startsWith("file:")) {
      try {
        java.nio.file.Path.of(java.net.URI.create(value));
        return null;
      } catch (RuntimeException e) {
        return "is not a valid file URI (" + e.getMessage() + "); expected " + IMPORT_FORMS;
      }
    }
    if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
      return "uses a scheme models cannot be imported from; expected " + IMPORT_FORMS;
    }
    return null; // a local path
  }

  private static boolean isTarGz(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".tar.gz") || lower.endsWith(".tgz");
  }

  private static List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }

  /**
   * The merged conf's {@link FieldReader}, each problem recorded as a {@link FieldError} in the
   * words a conf's errors use ({@code conf.epochs must be an integer}, pydantic's type codes).
   */
  private record Fields(FieldReader reader) {
    static Fields of(Map<String, Object> merged, List<FieldError> errors) {
      return new Fields(new FieldReader(merged, p -> errors.add(error(p))));
    }

    String string(String key, boolean required) {
      return reader.text(key, required ? Need.REQUIRED : Need.OPTIONAL);
    }

    String oneOf(String key, Set<String> allowed, boolean required, List<FieldError> errors) {
      String s = string(key, required);
      if (s != null && !allowed.contains(s)) {
        errors.add(new FieldError(key, "enum", "Unknown " + key + " '" + s + "'; expected one of "
            + sorted(allowed), s));
        return null;
      }
      return s;
    }

    Long integer(String key) {
      return reader.integer(key, Need.OPTIONAL, Long.MIN_VALUE, Long.MAX_VALUE, false);
    }

    Integer positiveInt(String key) {
      Long v = reader.integer(key, Need.OPTIONAL, 1, 100_000, false);
      return v == null ? null : v.intValue();
    }

    Boolean bool(String key) {
      return reader.bool(key, Need.OPTIONAL);
    }

    Map<String, String> stringMap(String key) {
      Map<String, String> m = reader.stringMap(key, Need.OPTIONAL);
      return m == null ? Map.of() : Map.copyOf(m);
    }

    private static FieldError error(FieldProblem p) {
      String f = "conf." + p.field();
      return switch (p.kind()) {
        case MISSING, NULL -> new FieldError(p.field(), "missing", f + " is required", null);
        case BLANK -> new FieldError(p.field(), "string_too_short", f + " must not be blank",
            p.input());
        case UNKNOWN_KEY -> new FieldError(p.field(), "extra_forbidden", "Unknown conf key '"
            + p.field() + "'; allowed keys: " + sorted(KEYS), p.input());
        case OUT_OF_RANGE -> new FieldError(p.field(), "greater_than_equal", f + " must be between "
            + p.min() + " and " + p.max() + ", got " + p.input(), p.input());
        case TOO_LONG -> new FieldError(p.field(), "string_too_long", f + " must have at most "
            + p.max() + " characters", p.input());
        case WRONG_TYPE -> switch (p.expected()) {
          case INTEGER -> new FieldError(p.field(), "int_type", f + " must be an integer", p.input());
          case BOOLEAN -> new FieldError(p.field(), "bool_type", f + " must be true or false",
              p.input());
          case OBJECT -> new FieldError(p.field(), "dict_type", f + " must be an object", p.input());
          case STRING_LIST -> new FieldError(p.field(), "list_type", f + " must be a list of strings",
              p.input());
          default -> new FieldError(p.field(), "string_type", f + " must be a string", p.input());
        };
      };
    }
  }
}

package org.emoaudionet.worker;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@value #FILE} file of a logged model, the YAML MLflow reads to know a model: its flavours,
 * signature, input example, run and model id. Laid out as MLflow 3.17's {@code Model.save}
 * writes it (keys checked against a file that version wrote), so that {@code mlflow models} and
 * the UI's model page read ours like their own.
 */
final class MlmodelFile {
  static final String FILE = "MLmodel";

  // strings stay quoted: unquoted, YAML would read utc_time_created back as a timestamp
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  /** MLflow's {@code utc_time_created} format (Python's {@code str(datetime.utcnow())}). */
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private MlmodelFile() {}

  /** The file's content; {@code example} null when the model has none. */
  static Map<String, Object> content(EmoFlavor flavor, LoggedModels.LoggedModel model,
      String runId, InputExample example) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("artifact_path", model.artifactUri());
    Map<String, Object> block = flavor.toMlmodel();
    if (example != null) block.put("input_example_from", example.provenance());
    m.put("flavors", Map.of(EmoFlavor.NAME, block));
    m.put("model_id", model.modelId());
    m.put("model_uuid", model.modelId().replaceFirst("^m-", ""));
    m.put("run_id", runId);
    if (example != null) m.put("saved_input_example_info", example.toMlmodel());
    m.put("signature", ModelSignature.of(flavor).toMlmodel());
    m.put("utc_time_created", ZonedDateTime.now(ZoneOffset.UTC).format(CREATED));
    return m;
  }

  static Path write(Path dir, EmoFlavor flavor, LoggedModels.LoggedModel model, String runId,
      InputExample example) throws IOException {
    Path file = dir.resolve(FILE);
    YAML.writeValue(file.toFile(), content(flavor, model, runId, example));
    return file;
  }

  /** Reads an MLmodel file (tests, and anyone checking what was logged). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> read(String yaml) throws IOException {
    return YAML.readValue(yaml, Map.class);
  }
}

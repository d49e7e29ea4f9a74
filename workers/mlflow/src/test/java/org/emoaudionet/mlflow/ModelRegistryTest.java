package org.emoaudionet.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry's look-ups answer "not there" as empty, and its writes send what MLflow reads. */
class ModelRegistryTest {
  private static final String V3 = "{\"model_version\":{\"name\":\"m\",\"version\":\"3\","
      + "\"source\":\"mlflow-artifacts:/1/r3/artifacts/model\",\"run_id\":\"r3\","
      + "\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}}";

  private final FakeMlflow mlflow;
  private final ModelRegistry registry;

  ModelRegistryTest() throws IOException {
    mlflow = new FakeMlflow();
    registry = new MlflowClient(mlflow.uri).registry();
  }

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void anAliasNamesItsVersion() throws IOException {
    mlflow.on("/api/2.0/mlflow/registered-models/alias", 200, V3);
    ModelVersion v = registry.aliased("emo model", "champion").orElseThrow();
    assertEquals(new ModelVersion("m", "3", "mlflow-artifacts:/1/r3/artifacts/model", "r3", null,
        Map.of("k", "v")), v);
    assertEquals(3, v.number());
    assertEquals("/api/2.0/mlflow/registered-models/alias?name=emo%20model&alias=champion",
        mlflow.requests.get(0).pathAndQuery());
  }

  @Test
  void aMissingAliasOrModelIsEmptyInEitherMlflowsWords() throws IOException {
    mlflow.on("/api/2.0/mlflow/registered-models/alias", 400, "{\"error_code\":"
        + "\"INVALID_PARAMETER_VALUE\",\"message\":\"Registered model alias champion not found.\"}");
    assertTrue(registry.aliased("m", "champion").isEmpty());
    mlflow.on("/api/2.0/mlflow/registered-models/alias", 404, "{\"error_code\":"
        + "\"RESOURCE_DOES_NOT_EXIST\",\"message\":\"Registered Model with name=m not found\"}");
    assertTrue(registry.aliased("m", "champion").isEmpty());
    mlflow.on("/api/2.0/mlflow/registered-models/get", 404, "{\"error_code\":"
        + "\"RESOURCE_DOES_NOT_EXIST\"}");
    assertFalse(registry.exists("m"));
    mlflow.on("/api/2.0/mlflow/model-versions/get", 404, "{\"error_code\":"
        + "\"RESOURCE_DOES_NOT_EXIST\"}");
    assertTrue(registry.version("m", "9").isEmpty());
  }

  @Test
  void aRegistryFailureIsNotMistakenForMissing() {
    mlflow.on("/api/2.0/mlflow/registered-models/alias", 500, "{\"error_code\":"
        + "\"INTERNAL_ERROR\",\"message\":\"database is locked\"}");
    MlflowException e = assertThrows(MlflowException.class,
        () -> registry.aliased("m", "champion"));
    assertTrue(e.getMessage().contains("registered-models/alias")
        && e.getMessage().contains("database is locked"), e.getMessage());
  }

  @Test
  void latestIsTheHighestNumberNotTheFirstListed() throws IOException {
    mlflow.on("/api/2.0/mlflow/model-versions/search", 200, "{\"model_versions\":["
        + "{\"name\":\"m\",\"version\":\"2\",\"source\":\"s2\"},"
        + "{\"name\":\"m\",\"version\":\"10\",\"source\":\"s10\"},"
        + "{\"name\":\"m\",\"version\":\"9\",\"source\":\"s9\"}]}");
    assertEquals("s10", registry.latest("it's").orElseThrow().source());
    assertEquals(List.of("2", "10", "9"),
        registry.versions("it's").stream().map(ModelVersion::version).toList());
    assertTrue(mlflow.requests.get(0).pathAndQuery().endsWith("filter=name%3D%27it%5C%27s%27"),
        "the quote in the name is escaped: " + mlflow.requests.get(0).pathAndQuery());
    mlflow.on("/api/2.0/mlflow/model-versions/search", 200, "{}");
    assertTrue(registry.latest("m").isEmpty());
  }

  @Test
  void creatingAModelThatExistsIsNoError() throws IOException {
    mlflow.on("/api/2.0/mlflow/registered-models/create", 200, "{}");
    assertTrue(registry.create("m"));
    mlflow.on("/api/2.0/mlflow/registered-models/create", 400, "{\"error_code\":"
        + "\"RESOURCE_ALREADY_EXISTS\",\"message\":\"Registered Model (name=m) already exists.\"}");
    assertFalse(registry.create("m"));
    mlflow.on("/api/2.0/mlflow/registered-models/create", 403, "{\"error_code\":"
        + "\"PERMISSION_DENIED\"}");
    assertThrows(MlflowException.class, () -> registry.create("m"));
  }

  @Test
  void aNewVersionCarriesItsModelDescriptionAndTags() throws IOException {
    mlflow.on("/api/2.0/mlflow/model-versions/create", 200, V3);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("test_accuracy", "0.6250");
    tags.put("dropped", null);
    assertEquals("3", registry.createVersion("m", "mlflow-artifacts:/1/models/m-1/artifacts",
        "r3", "m-1", "a description", tags).version());
    JsonNode sent = MlflowHttp.JSON.readTree(mlflow.requests.get(0).text());
    assertEquals("m-1", sent.path("model_id").asText());
    assertEquals("a description", sent.path("description").asText());
    assertEquals(Map.of("test_accuracy", "0.6250"), Tracking.keyValues(sent.path("tags")));

    registry.createVersion("m", "src", "r3", null, null, Map.of());
    JsonNode plain = MlflowHttp.JSON.readTree(mlflow.requests.get(1).text());
    assertFalse(plain.has("model_id") || plain.has("description") || plain.has("tags"),
        plain.toString());
  }

  @Test
  void versionTagsGoOneCallEachAndAliasesMove() throws IOException {
    mlflow.on("/api/2.0/mlflow/model-versions/set-tag", 200, "{}");
    mlflow.on("/api/2.0/mlflow/registered-models/alias", 200, "{}");
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("a", "1");
    tags.put("b", null);
    tags.put("c", "3");
    registry.setVersionTags("m", "3", tags);
    assertEquals(2, mlflow.to("/api/2.0/mlflow/model-versions/set-tag").size());
    registry.setAlias("m", "champion", "3");
    JsonNode sent = MlflowHttp.JSON.readTree(mlflow.to("/api/2.0/mlflow/registered-models/alias")
        .get(0).text());
    assertEquals("3", sent.path("version").asText());
    assertEquals("champion", sent.path("alias").asText());
    assertNull(ModelVersion.of(MlflowHttp.JSON.createObjectNode().put("version", "1")).runId());
  }
}

package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares answers with Airflow's schemas, read from the served OpenAPI document (cut from
 * Airflow's v2.yaml): a body has exactly the schema's properties, no more (a typo) and no fewer
 * (nulls are written, as FastAPI does).
 */
final class Shapes {
  private Shapes() {}

  private static JsonNode doc;

  static synchronized JsonNode doc() {
    if (doc == null) {
      try (InputStream in = Shapes.class.getClassLoader().getResourceAsStream(OpenApiResource.DOCUMENT)) {
        assertNotNull(in);
        doc = Http.JSON.readTree(in);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return doc;
  }

  static Set<String> properties(String schema) {
    JsonNode props = doc().at("/components/schemas/" + schema + "/properties");
    assertFalse(props.isMissingNode(), "no schema " + schema + " in the document");
    Set<String> out = new TreeSet<>();
    props.fieldNames().forEachRemaining(out::add);
    return out;
  }

  static void assertShape(String schema, JsonNode body) {
    assertNotNull(body, schema);
    Set<String> fields = new TreeSet<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertEquals(properties(schema), fields, schema + ": " + body);
  }
}

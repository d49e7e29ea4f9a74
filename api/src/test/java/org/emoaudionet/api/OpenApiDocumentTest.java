package org.emoaudionet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document lists exactly the operations the JAX-RS resources implement under
 * {@code /api}, found by reflection over every {@code @Path} class of this module; so a new
 * endpoint without its entry (or an entry for an endpoint removed) fails here. Regenerate with
 * infra/scripts/generate-openapi.py.
 */
class OpenApiDocumentTest {
  private static final String PACKAGE = "org/emoaudionet/api";
  /** The document's own URLs: Airflow does not describe its openapi.json in itself either. */
  private static final Set<String> NOT_DESCRIBED = Set.of("GET " + OpenApiResource.V2_PATH,
      "GET " + RootOpenApiResource.PATH);

  private static JsonNode doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getClassLoader()
        .getResourceAsStream(OpenApiResource.DOCUMENT)) {
      assertNotNull(in, OpenApiResource.DOCUMENT + " is not on the classpath");
      doc = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void documentListsExactlyTheServedOperations() throws Exception {
    Set<String> served = new TreeSet<>();
    for (Class<?> c : resourceClasses()) served.addAll(operations(c));
    served.removeAll(NOT_DESCRIBED);
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
        .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));

    Set<String> undocumented = new TreeSet<>(served);
    undocumented.removeAll(documented);
    Set<String> notServed = new TreeSet<>(documented);
    notServed.removeAll(served);
    assertTrue(undocumented.isEmpty(), "served but not in the document: " + undocumented);
    assertTrue(notServed.isEmpty(), "in the document but not served: " + notServed);
    // The resources are really found (an empty scan would make both sets trivially equal).
    assertTrue(served.contains("POST /api/v2/dags/{dag_id}/dagRuns"), served.toString());
    assertEquals(46, served.size(), served.toString());
  }

  @Test
  void versionIsSemverAndPep440AndThereAreNoServers() {
    // MAJOR.MINOR.PATCH is both a semantic version and a PEP 440 release.
    String v = doc.at("/info/version").asText();
    assertTrue(v.matches("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"), v);
    assertFalse(doc.has("servers"), "paths resolve against the document's own URL");
    assertEquals("Apache-2.0", doc.at("/info/license/name").asText(), "Airflow's spec's licence");
    assertTrue(doc.at("/info/description").asText().contains("Apache Software Foundation"));
  }

  @Test
  void everyReferenceResolvesAndEverySecuritySchemeIsDeclared() {
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), ref);
      assertFalse(doc.at(ref.substring(1)).isMissingNode(), "dangling " + ref);
    }
    JsonNode schemes = doc.at("/components/securitySchemes");
    doc.get("paths").forEach(path -> path.forEach(op -> op.path("security")
        .forEach(req -> req.fieldNames().forEachRemaining(s ->
            assertTrue(schemes.has(s), "undeclared security scheme " + s)))));
    assertTrue(doc.at("/paths/~1api~1v2~1monitor~1health/get/security").isMissingNode(),
        "health is public, as the auth filter has it");
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> {
        if (f.getKey().equals("$ref") && f.getValue().isTextual()) out.add(f.getValue().asText());
        else collectRefs(f.getValue(), out);
      });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, out));
    }
  }

  /** Every class of this module (main classes folder) with a class-level {@code @Path}. */
  private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException,
      ClassNotFoundException {
    URL marker = OpenApiResource.class.getResource("OpenApiResource.class");
    java.nio.file.Path pkg = java.nio.file.Path.of(marker.toURI()).getParent();
    java.nio.file.Path classes = pkg;
    for (int i = 0; i < PACKAGE.split("/").length; i++) classes = classes.getParent();
    List<Class<?>> out = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(pkg)) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        if (c.isAnnotationPresent(Path.class)) out.add(c);
      }
    }
    return out;
  }

  /** "METHOD /path" for each resource method; {name: regex} templates read as {name}. */
  private static List<String> operations(Class<?> c) {
    List<String> out = new ArrayList<>();
    String base = c.getAnnotation(Path.class).value();
    for (Method m : c.getDeclaredMethods()) {
      for (Annotation a : m.getAnnotations()) {
        HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
        if (http == null) continue;
        Path sub = m.getAnnotation(Path.class);
        String path = ("/" + base + "/" + (sub == null ? "" : sub.value()))
            .replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/")
            .replaceAll("(.)/$", "$1");
        if (path.startsWith("/api/")) out.add(http.value() + " " + path);
      }
    }
    return out;
  }
}

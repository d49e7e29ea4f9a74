package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minio.BucketExistsArgs;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Stack} orchestration without the real API and worker: a stand-in API jar (compiled
 * here, synthetic) records the environment it was given and answers health and /auth/token.
 * Real S3Proxy, Temporal (Java test server) and MLflow. Needs $EMO_HOME/venv.
 */
class StackSmokeIT {
  @TempDir Path tmp;

  static final String FAKE_API = String.join("\n",
      "import com.sun.net.httpserver.HttpServer;",
      "import java.net.InetSocketAddress;",
      "import java.nio.file.*;",
      "public class FakeApi {",
      "  public static void main(String[] a) throws Exception {",
      "    StringBuilder env = new StringBuilder();",
      "    System.getenv().forEach((k, v) -> { if (k.startsWith(\"EMO_\")) env.append(k).append('=')"
          + ".append(v).append('\\n'); });",
      "    Files.writeString(Path.of(System.getenv(\"EMO_HOME\"), \"api-env.properties\"), env);",
      "    HttpServer s = HttpServer.create(new InetSocketAddress(System.getProperty("
          + "\"quarkus.http.host\"), Integer.getInteger(\"quarkus.http.port\")), 0);",
      "    s.createContext(\"/api/v2/monitor/health\", x -> { x.sendResponseHeaders(200, -1); "
          + "x.close(); });",
      "    s.createContext(\"/auth/token\", x -> { String body = new String(x.getRequestBody()"
          + ".readAllBytes());",
      "      boolean ok = body.contains(System.getenv(\"EMO_ADMIN_PASSWORD\"));",
      "      byte[] r = (ok ? \"{\\\"access_token\\\":\\\"t0k\\\"}\" : \"{}\").getBytes();",
      "      x.sendResponseHeaders(ok ? 201 : 401, r.length); x.getResponseBody().write(r); "
          + "x.close(); });",
      "    s.start();",
      "  }",
      "}");

  static Path fakeRepo(Path root) throws Exception {
    return fakeRepo(root, FAKE_API);
  }

  /** A repository whose API jar is {@code source} (class FakeApi), compiled here. */
  static Path fakeRepo(Path root, String source) throws Exception {
    Path src = root.resolve("src/FakeApi.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = root.resolve("classes");
    Files.createDirectories(classes);
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        src.toString());
    assertEquals(0, rc, "stand-in API does not compile");
    Path jar = root.resolve(Stack.API_JAR);
    Files.createDirectories(jar.getParent());
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeApi");
    try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, mf)) {
      j.putNextEntry(new JarEntry("FakeApi.class"));
      j.write(Files.readAllBytes(classes.resolve("FakeApi.class")));
      j.closeEntry();
    }
    return root;
  }

  @Test
  void startsEverythingHandsTheContractEnvironmentToChildrenAndLeavesNothingBehind()
      throws Exception {
    Path venv = RepoRoot.find().resolve(".emo/venv");
    assumeTrue(Files.isExecutable(venv.resolve("bin/mlflow")), "no MLflow venv at " + venv);
    Path repo = fakeRepo(tmp.resolve("repo"));
    Path home = tmp.resolve("home");
    Files.createDirectories(home);
    Files.createSymbolicLink(home.resolve("venv"), venv);
    StackConfig c = StackConfig.fromEnv(Map.of("EMO_HOME", home.toString(), "EMO_TEMPORAL",
        "java"), repo).withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(),
        Ports.free()).withoutWorker();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ProcessHandle> children = new ArrayList<>();
    try (Stack stack = Stack.start(c, new PrintStream(log, true))) {
      String banner = stack.banner();
      assertTrue(banner.contains(c.apiUrl()) && banner.contains(c.mlflowUrl())
          && banner.contains(home.resolve("admin-password").toString()), banner);
      assertTrue(log.toString().contains("no Schedules"), "Java test server gaps not stated");
      assertEquals(stack.adminPassword(), Files.readString(home.resolve("admin-password")).strip());

      Properties env = new Properties();
      env.load(Files.newBufferedReader(home.resolve("api-env.properties")));
      assertEquals(c.s3Endpoint(), env.getProperty("EMO_S3_ENDPOINT"));
      assertEquals("127.0.0.1:" + c.temporalPort(), env.getProperty("EMO_TEMPORAL_ADDRESS"));
      assertEquals(c.mlflowUrl(), env.getProperty("EMO_MLFLOW_URI"));
      assertEquals(home.resolve("work").toString(), env.getProperty("EMO_WORK_DIR"));
      assertEquals(home.resolve("venv/bin/python").toString(), env.getProperty("EMO_PYTHON"));
      assertEquals(stack.adminPassword(), env.getProperty("EMO_ADMIN_PASSWORD"));

      assertEquals("t0k", JsonHttp.call("POST", c.apiUrl() + "/auth/token",
          Map.of("username", "admin", "password", stack.adminPassword()), null)
          .path("access_token").asText());
      assertTrue(stack.s3().client().bucketExists(BucketExistsArgs.builder().bucket("mlflow")
          .build()));
      assertTrue(JsonHttp.healthy(c.mlflowUrl() + "/health"));
      for (String name : List.of("api", "mlflow")) {
        long pid = Long.parseLong(Files.readAllLines(home.resolve("run/" + name + ".pid")).get(0));
        ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
        children.add(h);
        h.descendants().forEach(children::add);
      }
    }
    for (ProcessHandle h : children) {
      assertFalse(h.isAlive(), "left running: " + h.pid() + " " + h.info().commandLine());
    }
    for (int port : List.of(c.apiPort(), c.s3Port(), c.mlflowPort(), c.temporalPort())) {
      assertFalse(Ports.isListening("127.0.0.1", port), "port " + port + " still open");
    }
  }
}

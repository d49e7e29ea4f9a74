package org.emoaudionet.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.emoaudionet.api.CatalogModels.ConfigOption;
import org.emoaudionet.api.CatalogModels.ConfigSection;
import org.emoaudionet.spec.TaskQueues;

/**
 * The API's effective settings (application.properties after the EMO_* environment) in Airflow's
 * Config shape: sections and options named as Airflow's where Airflow has the same setting
 * ({@code [api] maximum_page_limit}, {@code [api_auth] jwt_expiration_time}), else after the
 * platform's. Secrets (the admin password, the JWT key, the S3 keys) are always
 * {@code < hidden >}, as Airflow shows its sensitive options; an empty optional one too, so the
 * answer never tells whether one is set.
 */
@ApplicationScoped
public class PlatformConfig {
  static final String HIDDEN = "< hidden >";
  /** Section name, then option name to config property ({@code =value}: a fixed value). */
  private static final Map<String, Map<String, String>> SECTIONS = new LinkedHashMap<>();
  private static final Set<String> SECRETS = Set.of("emo.admin.password", "emo.jwt.secret",
      "emo.s3.access-key", "emo.s3.secret-key");

  static {
    section("core", "dags_folder", "emo.dags.folder", "default_timezone", "=utc");
    section("api", "host", "quarkus.http.host", "port", "quarkus.http.port",
        "maximum_page_limit", "=" + Params.MAX_LIMIT, "fallback_page_limit", "=" + Params.DEFAULT_LIMIT,
        "expose_config", "emo.api.expose-config", "max_body_bytes", "emo.api.max-body-bytes",
        "max_conf_bytes", "emo.api.max-conf-bytes");
    section("api_auth", "jwt_secret", "emo.jwt.secret", "jwt_expiration_time",
        "emo.jwt.expiry-seconds", "jwt_cli_expiration_time", "emo.jwt.cli-expiry-seconds",
        "admin_user", "emo.admin.user", "admin_password", "emo.admin.password",
        "max_failures", "emo.auth.max-failures",
        "failure_window_seconds", "emo.auth.failure-window-seconds");
    section("temporal", "address", "emo.temporal.address", "namespace", "emo.temporal.namespace",
        "query_timeout_seconds", "emo.temporal.query-timeout-seconds",
        "task_queues", "=" + TaskQueues.CPU + "," + TaskQueues.GPU);
    section("s3", "endpoint", "emo.s3.endpoint", "bucket", "emo.s3.bucket",
        "access_key", "emo.s3.access-key", "secret_key", "emo.s3.secret-key");
    section("mlflow", "tracking_uri", "emo.mlflow.uri");
    section("serving", "max_file_bytes", "emo.serving.max-file-bytes",
        "max_request_bytes", "emo.serving.max-request-bytes", "max_files", "emo.serving.max-files",
        "max_audio_seconds", "emo.serving.max-audio-seconds", "cache_size", "emo.serving.cache-size",
        "torch_threads", "emo.serving.torch-threads");
  }

  /** Pairs of option name and config property ({@code =value}: a fixed value). */
  private static void section(String name, String... pairs) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) options.put(pairs[i], pairs[i + 1]);
    SECTIONS.put(name, options);
  }

  public boolean exposed() {
    return ConfigProvider.getConfig().getOptionalValue("emo.api.expose-config", Boolean.class)
        .orElse(true);
  }

  public List<ConfigSection> sections() {
    List<ConfigSection> out = new ArrayList<>();
    SECTIONS.forEach((name, options) -> {
      List<ConfigOption> opts = new ArrayList<>();
      options.forEach((key, property) -> opts.add(new ConfigOption(key, value(property))));
      out.add(new ConfigSection(name, opts));
    });
    return out;
  }

  private static String value(String property) {
    if (property.startsWith("=")) return property.substring(1);
    if (SECRETS.contains(property)) return HIDDEN;
    Config c = ConfigProvider.getConfig();
    return c.getOptionalValue(property, String.class).orElse("");
  }
}

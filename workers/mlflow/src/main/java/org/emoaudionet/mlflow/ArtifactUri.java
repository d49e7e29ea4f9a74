package org.emoaudionet.mlflow;

/**
 * Where an artifact URI points in MLflow's artifact proxy. The platform's MLflow runs with
 * {@code --artifacts-destination}, so runs and models get {@code mlflow-artifacts:} URIs, and
 * everything is read and written through the proxy: neither the worker's uploads nor the API's
 * downloads need S3 credentials of their own. Other schemes ({@code s3://}, {@code runs:/},
 * {@code models:/}) name stores the proxy does not serve, so they are refused here, not guessed.
 */
public final class ArtifactUri {
  public static final String SCHEME = "mlflow-artifacts:";

  private ArtifactUri() {}

  public static boolean proxied(String uri) {
    return uri != null && uri.startsWith(SCHEME);
  }

  /**
   * The proxy's path of an {@code mlflow-artifacts:} URI, no slash at either end:
   * {@code mlflow-artifacts:/1/r/artifacts} and {@code mlflow-artifacts://host:5000/1/r/artifacts}
   * both give {@code 1/r/artifacts} (the host form is what a server with a public artifacts URL
   * hands out; the proxy is the tracking server either way).
   *
   * @throws IllegalArgumentException for any other scheme
   */
  public static String proxyPath(String uri) {
    if (!proxied(uri)) {
      throw new IllegalArgumentException("not an " + SCHEME + " URI (is the MLflow server"
          + " started with --artifacts-destination?): " + uri);
    }
    String rest = uri.substring(SCHEME.length());
    if (rest.startsWith("//")) {
      int slash = rest.indexOf('/', 2);
      rest = slash < 0 ? "" : rest.substring(slash);
    }
    return rest.replaceAll("^/+", "").replaceAll("/+$", "");
  }
}

package org.emoaudionet.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * MLflow answered, but not with what was asked: an HTTP error (with MLflow's {@code error_code}
 * and {@code message} when its body is MLflow's JSON error) or a reply that is not JSON. Kept
 * apart from {@link MlflowUnreachableException} (MLflow did not answer at all) because callers
 * treat the two differently: the API answers 502 for this one and 503 for the other.
 */
public final class MlflowException extends IOException {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BODY_MAX = 600;

  private final String call;
  private final int status;
  private final String errorCode;
  private final String mlflowMessage;

  MlflowException(String call, int status, String errorCode, String mlflowMessage,
      String detail) {
    super("MLflow " + call + ": HTTP " + status + " " + detail);
    this.call = call;
    this.status = status;
    this.errorCode = errorCode;
    this.mlflowMessage = mlflowMessage;
  }

  /** The error of a non-2xx reply; {@code body} as MLflow sent it. */
  static MlflowException of(String call, int status, String body) {
    String code = "";
    String message = "";
    try {
      JsonNode e = JSON.readTree(body);
      if (e != null && e.isObject()) {
        code = e.path("error_code").asText("");
        message = e.path("message").asText("");
      }
    } catch (IOException notJson) {
      // a proxy's HTML page, a plain-text 500: the body says it all
    }
    return new MlflowException(call, status, code, message, abbreviate(body));
  }

  /** The call as {@code METHOD path}: what a log reader needs to repeat it. */
  public String call() {
    return call;
  }

  public int status() {
    return status;
  }

  /** MLflow's {@code error_code} (e.g. {@code RESOURCE_DOES_NOT_EXIST}); "" when none came. */
  public String errorCode() {
    return errorCode;
  }

  /** MLflow's {@code message}; "" when none came. */
  public String mlflowMessage() {
    return mlflowMessage;
  }

  /**
   * Whether MLflow said that the thing asked for does not exist. MLflow 2 says so with 404
   * RESOURCE_DOES_NOT_EXIST; MLflow 3 answers a missing alias of an existing model (and some
   * versions a missing version) with 400 INVALID_PARAMETER_VALUE "... not found".
   */
  public boolean missing() {
    return status == 404 || errorCode.equals("RESOURCE_DOES_NOT_EXIST")
        || (errorCode.equals("INVALID_PARAMETER_VALUE") && mlflowMessage.contains("not found"));
  }

  /** Whether MLflow refused to create something because it is there already. */
  public boolean alreadyExists() {
    return errorCode.equals("RESOURCE_ALREADY_EXISTS");
  }

  static String abbreviate(String s) {
    return s.length() <= BODY_MAX ? s : s.substring(0, BODY_MAX) + "...";
  }
}

package org.emoaudionet.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered in Airflow's shapes: {@code {"detail": "text"}} (FastAPI HTTPException) or,
 * for 422, {@code {"detail": [{"type", "loc", "msg", "input"}]}} (pydantic validation).
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final Object detail;
  private final Map<String, String> headers;

  public ApiException(int status, Object detail) {
    this(status, detail, Map.of());
  }

  private ApiException(int status, Object detail, Map<String, String> headers) {
    super(String.valueOf(detail));
    this.status = status;
    this.detail = detail;
    this.headers = headers;
  }

  public int status() {
    return status;
  }

  public Object detail() {
    return detail;
  }

  /** Response headers the error needs (Retry-After of a 429). */
  public Map<String, String> headers() {
    return headers;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, detail);
  }

  /** 429 with {@code Retry-After} in seconds (RFC 9110), as a rate-limited FastAPI app answers. */
  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(429, detail, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(503, detail);
  }

  public static ApiException invalid(List<Map<String, Object>> items) {
    return new ApiException(422, List.copyOf(items));
  }

  public static ApiException invalid(String type, List<Object> loc, String msg, Object input) {
    return invalid(List.of(item(type, loc, msg, input)));
  }

  /** One pydantic-style error item; {@code input} may be null (kept, as pydantic does). */
  public static Map<String, Object> item(String type, List<Object> loc, String msg, Object input) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("loc", new ArrayList<>(loc));
    m.put("msg", msg);
    m.put("input", input);
    return m;
  }
}

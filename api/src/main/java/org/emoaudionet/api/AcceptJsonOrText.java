package org.emoaudionet.api;

/**
 * Airflow's {@code HeaderAcceptJsonOrText}: JSON for {@code application/json}, {@code *}{@code /*}
 * or no Accept header, plain text for {@code text/plain}, 406 for anything else.
 */
final class AcceptJsonOrText {
  private AcceptJsonOrText() {}

  /** True when the answer is text/plain. */
  static boolean text(String accept) {
    if (accept == null || accept.isBlank()) return false;
    String a = accept.strip();
    if (a.startsWith("*/*") || a.startsWith("application/json")) return false;
    if (a.startsWith("text/plain")) return true;
    throw new ApiException(406, "Only application/json or text/plain is supported");
  }
}

package org.emoaudionet.api.serving;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body built by hand, as curl -F would send it. */
final class Multipart {
  final String boundary = "emo-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart file(String field, String fileName, byte[] content) {
    head("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  Multipart text(String field, String value) {
    head("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n");
    out.writeBytes((value + "\r\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  private void head(String h) {
    out.writeBytes(("--" + boundary + "\r\n" + h).getBytes(StandardCharsets.UTF_8));
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] body() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(out.toByteArray());
    b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }
}

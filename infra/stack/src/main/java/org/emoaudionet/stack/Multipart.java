package org.emoaudionet.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A multipart/form-data body of files, as {@code curl -F files=@a.wav} sends it. */
final class Multipart {
  private final String boundary = "emo-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Multipart file(String field, Path file) throws IOException {
    String name = file.getFileName().toString().replace("\"", "_").replace("\r", "_")
        .replace("\n", "_");
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(Files.readAllBytes(file));
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
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

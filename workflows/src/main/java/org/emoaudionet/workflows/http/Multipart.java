package org.emoaudionet.workflows.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A multipart/form-data body built by hand, as {@code curl -F files=@a.wav} sends it: the request
 * of the serving endpoint {@code POST /api/emo/models/{name}/predict}. Here, beside the other
 * names the processes share, because both of its builders need it and neither may depend on the
 * other: the embedded stack's client ({@code ./emo predict --registered}) and the API's tests.
 * Not thread-safe; one body per instance.
 */
public final class Multipart {
  private final String boundary = "emo-" + UUID.randomUUID();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /**
   * A file part. Quotes and line breaks in the name become {@code _}: the name is quoted inside a
   * header, and one of them would end it early.
   */
  public Multipart file(String field, String fileName, byte[] content) {
    String name = fileName.replace("\"", "_").replace("\r", "_").replace("\n", "_");
    head("Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    out.writeBytes(content);
    out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    return this;
  }

  /** A file part with the file's name and bytes. */
  public Multipart file(String field, Path file) throws IOException {
    return file(field, file.getFileName().toString(), Files.readAllBytes(file));
  }

  /** A plain form field. */
  public Multipart text(String field, String value) {
    head("Content-Disposition: form-data; name=\"" + field + "\"\r\n\r\n");
    out.writeBytes((value + "\r\n").getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The parts so far and the closing delimiter. */
  public byte[] body() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(out.toByteArray());
    b.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private void head(String h) {
    out.writeBytes(("--" + boundary + "\r\n" + h).getBytes(StandardCharsets.UTF_8));
  }
}

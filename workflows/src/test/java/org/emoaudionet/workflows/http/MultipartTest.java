package org.emoaudionet.workflows.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartTest {
  @Test
  void bodyIsWhatCurlSends(@TempDir Path dir) throws Exception {
    Path wav = Files.write(dir.resolve("b.wav"), new byte[] {'R', 'I', 'F', 'F', 0, -1});
    Multipart m = new Multipart().file("files", "a.wav", new byte[] {1, 2})
        .file("files", wav).text("note", "é");
    String type = m.contentType();
    assertTrue(type.startsWith("multipart/form-data; boundary=emo-"), type);
    String b = "--" + type.substring(type.indexOf('=') + 1);
    byte[] expected = concat(
        b + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.wav\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n", new byte[] {1, 2},
        "\r\n" + b + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"b.wav\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n", Files.readAllBytes(wav),
        "\r\n" + b + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\né\r\n" + b + "--\r\n");
    assertArrayEquals(expected, m.body());
    assertArrayEquals(expected, m.body(), "body() can be read again");
  }

  @Test
  void aFileNameCannotEndItsHeader() {
    String body = new String(new Multipart().file("files", "x\".wav\r\nX-Evil: 1", new byte[0])
        .body(), StandardCharsets.UTF_8);
    assertTrue(body.contains("filename=\"x_.wav__X-Evil: 1\"\r\n"), body);
  }

  @Test
  void everyBodyHasItsOwnBoundary() {
    assertNotEquals(new Multipart().contentType(), new Multipart().contentType());
    assertEquals(1, count(new String(new Multipart().body(), StandardCharsets.US_ASCII), "--emo-"));
  }

  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  private static byte[] concat(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object p : parts) {
      out.writeBytes(p instanceof byte[] bytes ? bytes : ((String) p).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}

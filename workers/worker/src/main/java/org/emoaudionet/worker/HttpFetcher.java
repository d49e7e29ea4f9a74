package org.emoaudionet.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** Streams an http(s) URL to disk, following redirects. */
public final class HttpFetcher {
  /** Called now and then with bytes so far and the total (-1 when the server did not say). */
  @FunctionalInterface
  public interface Progress {
    void bytes(long done, long total);
  }

  // one client per process: building one loads the TLS trust store, seconds on a busy machine
  private static final HttpClient client = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(30))
      .build();

  /**
   * @throws IllegalArgumentException 4xx (the URL is wrong: retrying will not help)
   * @throws IOException 5xx, network trouble, truncated body (worth a retry)
   */
  public long fetch(URI url, Path target, Progress progress) throws IOException {
    HttpRequest req = HttpRequest.newBuilder(url).timeout(Duration.ofHours(6)).GET().build();
    HttpResponse<InputStream> resp;
    try {
      resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("download of " + url + " interrupted", e);
    }
    int status = resp.statusCode();
    if (status != 200) {
      resp.body().close();
      String msg = "download of " + url + " failed: HTTP " + status
          + (status == 404 ? " (not found)" : status == 403 ? " (forbidden)"
              : status == 401 ? " (authentication required)" : "");
      if (status >= 400 && status < 500) throw new IllegalArgumentException(msg);
      throw new IOException(msg);
    }
    long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    long done = 0;
    try (InputStream in = resp.body(); OutputStream out = Files.newOutputStream(tmp)) {
      byte[] buf = new byte[1 << 16];
      long lastReport = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        done += n;
        if (done - lastReport >= (8 << 20)) {
          progress.bytes(done, total);
          lastReport = done;
        }
      }
    }
    if (total >= 0 && done != total) {
      Files.deleteIfExists(tmp);
      throw new IOException("download of " + url + " truncated: " + done + " of " + total + " bytes");
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    progress.bytes(done, total);
    return done;
  }
}

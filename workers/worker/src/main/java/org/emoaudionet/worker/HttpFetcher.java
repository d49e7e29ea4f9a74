package org.emoaudionet.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.emoaudionet.workflows.conf.DataSourcePolicy;

/**
 * Streams an http(s) URL to disk under the worker's {@link DataSourcePolicy}. Redirects are
 * followed here, not by the client, so each hop is checked like the first URL (an allowed server
 * must not be able to redirect the worker to {@code http://169.254.169.254/}); and host names are
 * resolved through the policy, so the connection goes to the very addresses that were checked: a
 * second lookup by the client could be answered differently (DNS rebinding).
 */
public final class HttpFetcher {
  /** Called now and then with bytes so far and the total (-1 when the server did not say). */
  @FunctionalInterface
  public interface Progress {
    void bytes(long done, long total);
  }

  /** More hops than any real download link takes; a loop stops here. */
  static final int MAX_REDIRECTS = 5;

  // One client per process: building one loads the TLS trust store, seconds on a busy machine;
  // each fetch derives one with its own checked DNS (sharing the pool and TLS setup). No proxy:
  // through one, the proxy would resolve the host and the policy's addresses would not be used.
  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .followRedirects(false)
      .followSslRedirects(false)
      .retryOnConnectionFailure(false)
      .proxy(Proxy.NO_PROXY)
      .connectTimeout(Duration.ofSeconds(30))
      .readTimeout(Duration.ofMinutes(5))
      .callTimeout(Duration.ofHours(6))
      .build();

  private final DataSourcePolicy policy;
  private final String field;

  /** @param field the conf key the URL came from, as refusals name it */
  public HttpFetcher(DataSourcePolicy policy, String field) {
    this.policy = policy;
    this.field = field;
  }

  /**
   * @throws DataSourcePolicy.Refused when the URL, a redirect or an address is not allowed
   * @throws IllegalArgumentException 4xx, too many redirects (the URL is wrong: retrying will
   *     not help)
   * @throws IOException 5xx, network trouble, truncated body (worth a retry)
   */
  public long fetch(URI url, Path target, Progress progress) throws IOException {
    HttpUrl current = HttpUrl.parse(url.toString());
    if (current == null) {
      throw new IllegalArgumentException(field + " '" + url + "' is not an http(s) URL");
    }
    for (int hop = 0; ; hop++) {
      String shown = hop == 0 ? url.toString() : current.toString();
      check(url, shown, current, hop);
      CheckedDns dns = new CheckedDns(shown);
      OkHttpClient client = BASE.newBuilder().dns(dns).build();
      // identity: the file as stored, so Content-Length counts the bytes written to disk
      Request req = new Request.Builder().url(current).header("Accept-Encoding", "identity").build();
      Response resp;
      try {
        resp = client.newCall(req).execute();
      } catch (IOException e) {
        if (dns.refusal != null) throw redirected(url, hop, dns.refusal);
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
          throw new IOException("download of " + url + " interrupted", e);
        }
        throw new IOException("download of " + url + " failed: " + e.getMessage(), e);
      }
      try (resp) {
        int status = resp.code();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
          current = next(url, current, resp.header("Location"), hop);
          continue;
        }
        if (status != 200) {
          String msg = "download of " + url + " failed: HTTP " + status
              + (status == 404 ? " (not found)" : status == 403 ? " (forbidden)"
                  : status == 401 ? " (authentication required)" : "");
          if (status >= 400 && status < 500) throw new IllegalArgumentException(msg);
          throw new IOException(msg);
        }
        return save(url, resp, target, progress);
      }
    }
  }

  /**
   * The scheme and host rules; an IP-address host is checked here, as the client connects to it
   * without asking its DNS.
   */
  private void check(URI url, String shown, HttpUrl current, int hop) {
    try {
      policy.checkUrl(field, shown, current.scheme(), current.host());
    } catch (DataSourcePolicy.Refused e) {
      throw redirected(url, hop, e);
    }
  }

  /** A refusal of a redirect's target also names the URL the run gave. */
  private DataSourcePolicy.Refused redirected(URI url, int hop, DataSourcePolicy.Refused e) {
    if (hop == 0) return e;
    return new DataSourcePolicy.Refused(field + " '" + url + "' redirects to a source that is"
        + " refused: " + e.getMessage());
  }

  private HttpUrl next(URI url, HttpUrl current, String location, int hop) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("download of " + url + ": a redirect without Location");
    }
    if (hop >= MAX_REDIRECTS) {
      throw new IllegalArgumentException("download of " + url + ": more than " + MAX_REDIRECTS
          + " redirects (last to " + location + ")");
    }
    HttpUrl next = current.resolve(location);
    if (next == null) {
      // file:, ftp:, jar: ... a client that followed it would read what the run may not
      throw new DataSourcePolicy.Refused(field + " '" + url + "' redirects to '" + location
          + "', which is not an http(s) URL; refused");
    }
    return next;
  }

  private static long save(URI url, Response resp, Path target, Progress progress)
      throws IOException {
    String length = resp.header("Content-Length");
    long total = -1;
    try {
      if (length != null) total = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      total = -1;
    }
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    long done = 0;
    try (InputStream in = resp.body().byteStream(); OutputStream out = Files.newOutputStream(tmp)) {
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

  /**
   * The client's DNS: the policy resolves and checks every address, and those addresses are the
   * ones connected to. A refusal is kept, since the client reports only an unknown host.
   */
  private final class CheckedDns implements Dns {
    private final String shown;
    private volatile DataSourcePolicy.Refused refusal;

    CheckedDns(String shown) {
      this.shown = shown;
    }

    @Override
    public List<InetAddress> lookup(String host) throws UnknownHostException {
      try {
        return policy.addresses(field, shown, host);
      } catch (DataSourcePolicy.Refused e) {
        refusal = e;
        throw new UnknownHostException(e.getMessage());
      }
    }
  }
}

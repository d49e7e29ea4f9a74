package org.emoaudionet.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body sent without a Content-Length (chunked) cannot be refused up front (BodyLimits): it is
 * counted while the endpoint reads it, and reading past {@code emo.api.max-body-bytes} fails
 * with a 413, so a JSON endpoint never holds more than that in memory.
 */
public class BodyStreamLimit {
  @Inject ApiSettings settings;

  @ServerRequestFilter(preMatching = true)
  public void limit(ContainerRequestContext ctx) {
    String path = "/" + ctx.getUriInfo().getPath().replaceAll("^/+", "");
    if (BodyLimits.isUpload(path) || !ctx.hasEntity()) return;
    ctx.setEntityStream(new Counting(ctx.getEntityStream(), settings.maxBodyBytes()));
  }

  private static final class Counting extends FilterInputStream {
    private final long limit;
    private long count;

    Counting(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) add(1);
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, (int) Math.min(len, limit - count + 1));
      if (n > 0) add(n);
      return n;
    }

    private void add(long n) {
      count += n;
      if (count > limit) {
        throw new ApiException(413, BodyLimits.tooLarge("more than " + limit + " bytes", limit));
      }
    }
  }
}

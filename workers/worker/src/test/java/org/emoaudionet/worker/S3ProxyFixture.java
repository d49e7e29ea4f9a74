package org.emoaudionet.worker;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** A real S3 server for tests: S3Proxy in-process, in memory, on 127.0.0.1 and a free port. */
final class S3ProxyFixture implements AutoCloseable {
  static final String ACCESS = "test-access";
  static final String SECRET = "test-secret-key";

  final S3Proxy proxy;
  final String endpoint;

  S3ProxyFixture() throws Exception {
    int port = freePort();
    endpoint = "http://127.0.0.1:" + port;
    proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("transient", new Properties()))
        .endpoint(URI.create(endpoint))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
        .build();
    proxy.start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("S3Proxy did not start");
      Thread.sleep(10);
    }
  }

  ArtifactStore store(String bucket) {
    return new ArtifactStore(endpoint, ACCESS, SECRET, bucket);
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}

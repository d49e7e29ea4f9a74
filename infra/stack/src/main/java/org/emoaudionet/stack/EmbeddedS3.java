package org.emoaudionet.stack;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * An S3 endpoint in this JVM: S3Proxy serving a directory ({@code filesystem} provider: one
 * directory per bucket, one plain file per object, so state survives restarts and can be read
 * with ls).
 */
public final class EmbeddedS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final String endpoint;
  private final String accessKey;
  private final String secretKey;

  private EmbeddedS3(S3Proxy proxy, String endpoint, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Serves {@code dir} at http://host:port and creates {@code buckets} if missing. */
  public static EmbeddedS3 start(Path dir, String host, int port, String accessKey,
      String secretKey, List<String> buckets) throws Exception {
    Files.createDirectories(dir);
    Properties props = new Properties();
    // S3Proxy 4 has no jclouds any more but kept the property name of its filesystem provider.
    props.setProperty("jclouds.filesystem.basedir", dir.toAbsolutePath().toString());
    props.setProperty("jclouds.identity", accessKey);
    props.setProperty("jclouds.credential", secretKey);
    String endpoint = "http://" + host + ":" + port;
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(BlobStores.create("filesystem", props))
        .endpoint(URI.create(endpoint))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        throw new IllegalStateException("S3Proxy did not start on " + endpoint + " in 10 s (state "
            + proxy.getState() + ")");
      }
      Thread.sleep(20);
    }
    EmbeddedS3 s3 = new EmbeddedS3(proxy, endpoint, accessKey, secretKey);
    try {
      s3.ensureBuckets(buckets);
    } catch (Exception e) {
      s3.close();
      throw e;
    }
    return s3;
  }

  public String endpoint() {
    return endpoint;
  }

  public MinioClient client() {
    return client(endpoint, accessKey, secretKey);
  }

  public static MinioClient client(String endpoint, String accessKey, String secretKey) {
    // A fixed region saves the client a GetBucketLocation round trip per bucket.
    return MinioClient.builder().endpoint(endpoint).region("us-east-1")
        .credentials(accessKey, secretKey).build();
  }

  void ensureBuckets(List<String> buckets) throws Exception {
    MinioClient client = client();
    for (String bucket : buckets) {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
    }
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}

package org.emoaudionet.worker;

import io.minio.BucketExistsArgs;
import io.minio.DownloadObjectArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Every S3 access of the worker, through the MinIO client: files, folders as deterministic
 * tar.gz, existence and the SHA-256 each object carries in its metadata. The bucket is created
 * on first use.
 */
public final class ArtifactStore {
  /** User metadata key holding the hex SHA-256 of the object's bytes. */
  static final String DIGEST_META = "sha256";

  private final MinioClient client;
  private final String bucket;
  private volatile boolean bucketReady;

  public ArtifactStore(String endpoint, String accessKey, String secretKey, String bucket) {
    // a fixed region spares a bucket-location request per new client
    this.client = MinioClient.builder().endpoint(endpoint).region(region())
        .credentials(accessKey, secretKey).build();
    this.bucket = bucket;
  }

  /** AWS_REGION / AWS_DEFAULT_REGION, else us-east-1 (MinIO's and S3Proxy's default). */
  private static String region() {
    String r = System.getenv("AWS_REGION");
    if (r == null || r.isBlank()) r = System.getenv("AWS_DEFAULT_REGION");
    return r == null || r.isBlank() ? "us-east-1" : r;
  }

  public static ArtifactStore from(WorkerConfig c) {
    return new ArtifactStore(c.s3Endpoint(), c.s3AccessKey(), c.s3SecretKey(), c.s3Bucket());
  }

  public String bucket() {
    return bucket;
  }

  public String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  public void ensureBucket() throws IOException {
    if (bucketReady) return;
    call("create bucket", "", () -> {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        try {
          client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        } catch (ErrorResponseException e) {
          // another worker created it in between
          String code = e.errorResponse().code();
          if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) throw e;
        }
      }
      return null;
    });
    bucketReady = true;
  }

  /** Uploads {@code file}, recording its SHA-256; returns that digest. */
  public String putFile(String key, Path file) throws IOException {
    return putFile(key, file, Map.of());
  }

  /** As {@link #putFile(String, Path)}, with more user metadata (small strings). */
  public String putFile(String key, Path file, Map<String, String> metadata) throws IOException {
    ensureBucket();
    String digest = Digests.sha256(file);
    Map<String, String> meta = new java.util.HashMap<>(metadata);
    meta.put(DIGEST_META, digest);
    call("upload", key, () -> client.uploadObject(UploadObjectArgs.builder()
        .bucket(bucket).object(key).filename(file.toString())
        .userMetadata(meta)
        .build()));
    return digest;
  }

  /** Downloads to {@code target} (parents created, replaced atomically). */
  public void getFile(String key, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, ".get-", ".part");
    Files.delete(tmp); // the MinIO client refuses to overwrite
    try {
      call("download", key, () -> {
        client.downloadObject(DownloadObjectArgs.builder()
            .bucket(bucket).object(key).filename(tmp.toString()).build());
        return null;
      });
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Packs {@code dir} deterministically and uploads it; returns the archive's SHA-256. */
  public String putDir(String key, Path dir) throws IOException {
    Path tmp = Files.createTempFile("emo-dir-", ".tar.gz");
    try {
      Archives.packTarGz(dir, tmp);
      return putFile(key, tmp);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Downloads a tar.gz and unpacks it safely into {@code dir} (created). */
  public void getDir(String key, Path dir) throws IOException {
    Path tmp = Files.createTempFile("emo-dir-", ".tar.gz");
    try {
      getFile(key, tmp);
      Archives.extract(tmp, dir, key);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  public boolean exists(String key) throws IOException {
    return stat(key).isPresent();
  }

  /** Size and recorded digest of an object, empty when there is none. */
  public Optional<ObjectInfo> stat(String key) throws IOException {
    ensureBucket();
    try {
      StatObjectResponse r =
          client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
      Map<String, String> meta = new java.util.TreeMap<>();
      for (Map.Entry<String, String> h : r.userMetadata()) {
        String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("x-amz-meta-")) name = name.substring("x-amz-meta-".length());
        meta.put(name, h.getValue());
      }
      return Optional.of(new ObjectInfo(key, r.size(), meta.get(DIGEST_META), r.etag(), meta));
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code)) {
        return Optional.empty();
      }
      throw new IOException("S3 stat " + uri(key) + ": " + code + " " + e.getMessage(), e);
    } catch (MinioException e) {
      throw new IOException("S3 stat " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every object whose key starts with {@code prefix} (all depths), sorted by key; folder
   * markers (keys ending in {@code /}) are left out.
   */
  public List<Listed> list(String prefix) throws IOException {
    ensureBucket();
    return call("list", prefix, () -> {
      List<Listed> out = new ArrayList<>();
      for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(bucket)
          .prefix(prefix).recursive(true).build())) {
        Item item = r.get();
        if (item.isDir() || item.objectName().endsWith("/")) continue;
        out.add(new Listed(item.objectName(), item.size(), unquote(item.etag())));
      }
      out.sort(java.util.Comparator.comparing(Listed::key));
      return out;
    });
  }

  /** A small object's text (UTF-8), empty when there is none. */
  public Optional<String> readText(String key) throws IOException {
    if (!exists(key)) return Optional.empty();
    return Optional.of(call("read", key, () -> {
      try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key)
          .build())) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }));
  }

  private static String unquote(String etag) {
    return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
        ? etag.substring(1, etag.length() - 1) : etag;
  }

  /** One object of a listing: its ETag changes when its content does. */
  public record Listed(String key, long size, String etag) {}

  /** The SHA-256 recorded when the object was uploaded by this store, if any. */
  public Optional<String> statDigest(String key) throws IOException {
    return stat(key).map(ObjectInfo::sha256);
  }

  /** A GET URL that works without credentials for {@code validity}. */
  public String presignedGet(String key, Duration validity) throws IOException {
    return call("presign", key, () -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
        .method(Http.Method.GET).bucket(bucket).object(key)
        .expiry((int) validity.toSeconds(), TimeUnit.SECONDS).build()));
  }

  /** User metadata of an object (names lower case, without {@code x-amz-meta-}); empty if none. */
  public Map<String, String> metadata(String key) throws IOException {
    return stat(key).map(ObjectInfo::metadata).orElse(Map.of());
  }

  /** @param sha256 null for objects this store did not write */
  public record ObjectInfo(String key, long size, String sha256, String etag,
      Map<String, String> metadata) {
    public ObjectInfo {
      metadata = Map.copyOf(metadata);
    }
  }

  @FunctionalInterface
  private interface S3Call<T> {
    T run() throws MinioException, IOException;
  }

  private <T> T call(String what, String key, S3Call<T> c) throws IOException {
    try {
      return c.run();
    } catch (MinioException e) {
      throw new IOException("S3 " + what + " " + uri(key) + " at bucket " + bucket + ": "
          + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

package org.emoaudionet.workflows.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 3: where a run may make the worker read data from. */
class DataSourcePolicyTest {
  private static final DataSourcePolicy.Resolver DNS = TestResolver.of(Map.of(
      "data.example.test", new String[] {"93.184.216.34"},
      "metadata.example.test", new String[] {"169.254.169.254"},
      "half-private.example.test", new String[] {"93.184.216.34", "10.0.0.7"},
      "mapped.example.test", new String[] {"::ffff:192.168.0.1"}));

  @TempDir Path tmp;
  Path root;
  Path outside;
  DataSourcePolicy policy;

  @BeforeEach
  void roots() throws Exception {
    root = Files.createDirectories(tmp.resolve("roots/data"));
    outside = Files.createDirectories(tmp.resolve("secret"));
    Files.writeString(outside.resolve("key.txt"), "not for runs");
    Files.createDirectories(root.resolve("corpus"));
    policy = new DataSourcePolicy(List.of(root), List.of(), DNS);
  }

  private DataSourcePolicy.Refused refused(DataSourcePolicy p, String value, String... words) {
    DataSourcePolicy.Refused e = assertThrows(DataSourcePolicy.Refused.class,
        () -> p.check("dataset_uri", value), value);
    assertTrue(e.getMessage().startsWith("dataset_uri '" + value + "' "), e.getMessage());
    for (String w : words) assertTrue(e.getMessage().contains(w), w + " in: " + e.getMessage());
    return e;
  }

  @Test
  void fileEtcPasswdIsOutsideTheRoots() {
    refused(policy, "file:///etc/passwd", "is outside the data roots (EMO_DATA_ROOTS="
        + root.toAbsolutePath() + ")");
    refused(policy, "/etc/passwd", "outside the data roots");
  }

  @Test
  void theCloudMetadataServiceIsRefused() {
    // plain http is for listed hosts only; over https its address is link-local
    refused(policy, "http://169.254.169.254/latest/meta-data/", "plain http://", "EMO_DATA_HOSTS");
    refused(policy, "https://169.254.169.254/latest/meta-data/", "link-local", "169.254.0.0/16");
    refused(policy, "https://metadata.example.test/latest/",
        "resolves to 169.254.169.254", "link-local");
    // listing another host does not let it through
    DataSourcePolicy listed = new DataSourcePolicy(List.of(root), List.of("127.0.0.1"), DNS);
    refused(listed, "http://169.254.169.254/latest/meta-data/", "not in the allowed data hosts",
        "EMO_DATA_HOSTS=127.0.0.1");
  }

  @Test
  void loopbackPrivateAndOtherNonPublicAddressesAreRefused() {
    int port = 8431;
    refused(policy, "http://[::1]:" + port + "/", "plain http://");
    refused(policy, "https://[::1]:" + port + "/", "loopback address (::1)");
    refused(policy, "https://127.0.0.1/", "loopback");
    refused(policy, "https://[::ffff:127.0.0.1]/", "loopback");
    refused(policy, "https://mapped.example.test/", "192.168.0.0/16");
    for (String host : List.of("0.0.0.0", "[::]", "10.1.2.3", "172.16.0.1", "192.168.1.1",
        "100.64.0.1", "224.0.0.1", "255.255.255.255", "[fe80::1]", "[fd00:ec2::254]",
        "[ff02::1]", "[64:ff9b::a9fe:a9fe]", "[2002:a00:1::]")) {
      refused(policy, "https://" + host + "/data.tar.gz", "not a public address");
    }
    // every resolved address counts, not just the first
    refused(policy, "https://half-private.example.test/d.tar.gz", "resolves to 10.0.0.7");
  }

  @Test
  void publicHttpsHostsAreAllowedUnlessAListSaysOtherwise() {
    policy.check("dataset_uri", "https://data.example.test/corpus.tar.gz");
    policy.check("dataset_uri", "https://93.184.216.34/corpus.tar.gz");
    policy.check("dataset_uri", "https://unresolvable.example.test/c.tar.gz"); // worker decides
    DataSourcePolicy listed = new DataSourcePolicy(List.of(root),
        List.of(" 127.0.0.1", "Data.Example.Test "), DNS);
    listed.check("dataset_uri", "http://127.0.0.1:9000/corpus.tar.gz");
    listed.check("dataset_uri", "https://DATA.example.test/corpus.tar.gz");
    refused(listed, "https://93.184.216.34/corpus.tar.gz", "not in the allowed data hosts");
  }

  @Test
  void otherSchemesAreRefused() {
    for (String uri : List.of("ftp://example.test/corpus.tar.gz", "gopher://example.test:70/1",
        "jar:file:///tmp/corpus.zip!/manifest.csv", "data:text/plain;base64,aGk=",
        "dict://127.0.0.1:11211/stats", "ldap://example.test/")) {
      String scheme = uri.substring(0, uri.indexOf(':'));
      refused(policy, uri, "uses scheme '" + scheme + ":'", "s3://", "https://");
    }
    policy.check("dataset_uri", "s3://emo/datasets/recola/");
    policy.check("dataset_uri", "S3://other-bucket/corpus.tar.gz");
  }

  @Test
  void aPathWhoseDotDotEscapesTheRootIsRefused() {
    String escape = root + "/../../secret/key.txt";
    refused(policy, escape, "outside the data roots", "resolves to " + outside.resolve("key.txt"));
    refused(policy, root.resolve("corpus").toUri() + "../../../secret", "outside the data roots");
    // a '..' after a part that does not exist cannot be resolved, so it is refused too
    refused(policy, root + "/missing/../../secret", "cannot be checked", "'..'");
  }

  @Test
  void aSymlinkInsideARootPointingOutsideIsRefused() throws Exception {
    Path link = Files.createSymbolicLink(root.resolve("innocent"), outside);
    refused(policy, link.resolve("key.txt").toString(), "outside the data roots",
        "resolves to " + outside.toRealPath().resolve("key.txt"));
    refused(policy, link.toUri().toString(), "outside the data roots");
  }

  @Test
  void aPathInsideARootIsAcceptedAsItsRealPath() throws Exception {
    Path corpus = root.resolve("corpus");
    policy.check("dataset_uri", corpus.toString());
    policy.check("dataset_uri", corpus.toUri().toString());
    policy.check("dataset_uri", root.resolve("not-yet/corpus.tar.gz").toString());
    assertEquals(corpus.toRealPath(), policy.localPath("dataset_uri", corpus.toUri().toString()));
    // a link that stays inside the roots is fine, and the worker is given where it leads
    Path alias = Files.createSymbolicLink(root.resolve("alias"), corpus);
    assertEquals(corpus.toRealPath(), policy.localPath("dataset_uri", alias.toString()));
    // a root given through a link holds what the link's target holds
    Path viaLink = Files.createSymbolicLink(tmp.resolve("root-link"), root);
    DataSourcePolicy linked = new DataSourcePolicy(List.of(viaLink), List.of(), DNS);
    linked.check("dataset_uri", corpus.toString());
    // a sibling whose name merely starts like the root is not inside it
    Path sibling = Files.createDirectories(tmp.resolve("roots/data-other"));
    refused(policy, sibling.toString(), "outside the data roots");
  }

  @Test
  void theEnvironmentNamesRootsAndHosts() {
    DataSourcePolicy p = DataSourcePolicy.fromEnv(Map.of(
        "EMO_DATA_ROOTS", root + File.pathSeparator + " " + outside + " ",
        "EMO_DATA_HOSTS", "127.0.0.1, [::1] ,"));
    assertEquals(List.of(root.toAbsolutePath(), outside.toAbsolutePath()), p.roots());
    assertEquals(java.util.Set.of("127.0.0.1", "0:0:0:0:0:0:0:1"), p.hosts());
    p.check("dataset_uri", "http://[::1]:1/x.tar.gz");

    Path home = tmp.resolve("home");
    DataSourcePolicy defaults = DataSourcePolicy.fromEnv(Map.of("EMO_HOME", home.toString()));
    assertTrue(defaults.roots().contains(home.resolve("data")), defaults.roots().toString());
    assertTrue(defaults.roots().stream().anyMatch(r -> r.endsWith("workers/samples")),
        "the bundled samples of this checkout: " + defaults.roots());
    assertTrue(defaults.hosts().isEmpty());
  }
}

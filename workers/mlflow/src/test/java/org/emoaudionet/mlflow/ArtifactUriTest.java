package org.emoaudionet.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which artifact URIs the proxy serves, and as which path. */
class ArtifactUriTest {
  @Test
  void proxiedUrisBecomeProxyPathsWithOrWithoutAHost() {
    assertEquals("1/abc/artifacts/model",
        ArtifactUri.proxyPath("mlflow-artifacts:/1/abc/artifacts/model"));
    assertEquals("1/abc/artifacts/model",
        ArtifactUri.proxyPath("mlflow-artifacts://mlflow:5000/1/abc/artifacts/model/"));
    assertEquals("2/models/m-1/artifacts",
        ArtifactUri.proxyPath("mlflow-artifacts:///2/models/m-1/artifacts"));
    assertEquals("", ArtifactUri.proxyPath("mlflow-artifacts://host:5000"));
    assertEquals("", ArtifactUri.proxyPath("mlflow-artifacts:/"));
  }

  @Test
  void otherSchemesAreRefusedNamingTheUri() {
    assertFalse(ArtifactUri.proxied("s3://mlflow/1/abc/artifacts"));
    assertFalse(ArtifactUri.proxied(null));
    assertTrue(ArtifactUri.proxied("mlflow-artifacts:/1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArtifactUri.proxyPath("s3://mlflow/1/abc/artifacts"));
    assertTrue(e.getMessage().contains("s3://mlflow/1/abc/artifacts")
        && e.getMessage().contains("--artifacts-destination"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ArtifactUri.proxyPath("runs:/r1/model"));
  }

  @Test
  void pathSegmentsAreEncodedAndTheirSlashesKept() {
    assertEquals("1/r/artifacts/a%20b/c%2Bd.json",
        MlflowHttp.encodePath("1/r/artifacts/a b/c+d.json"));
    assertEquals("name%3D%27x%20y%27", MlflowHttp.enc("name='x y'"));
  }
}

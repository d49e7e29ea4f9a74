package org.emoaudionet.api.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.emoaudionet.api.ApiException;
import org.junit.jupiter.api.Test;

/** Which model sources the endpoint can fetch through MLflow's artifact proxy, and how. */
class ArtifactPathTest {
  private static String path(String source) {
    return MlflowRegistry.artifactPath(new ModelVersion("emoaudionet-x", 3, source, "r"));
  }

  @Test
  void proxiedSourcesBecomeProxyPaths() {
    assertEquals("1/abc/artifacts/model", path("mlflow-artifacts:/1/abc/artifacts/model"));
    assertEquals("1/abc/artifacts/model", path("mlflow-artifacts://mlflow:5000/1/abc/artifacts/model/"));
  }

  @Test
  void otherSourcesAndClimbingPathsAreRefusedNamingTheSource() {
    ApiException s3 = assertThrows(ApiException.class, () -> path("s3://mlflow/1/abc/artifacts/model"));
    assertEquals(502, s3.status());
    assertTrue(s3.getMessage().contains("s3://mlflow/1/abc/artifacts/model")
        && s3.getMessage().contains("version 3"), s3.getMessage());
    assertThrows(ApiException.class, () -> path("mlflow-artifacts:/1/../../etc"));
    assertThrows(ApiException.class, () -> path("mlflow-artifacts:/"));
  }

  @Test
  void aDagIdNamesItsRegisteredModel() {
    assertEquals("emoaudionet-recola_arousal", PredictResource.modelName("recola_arousal"));
    assertEquals("emoaudionet-recola_arousal",
        PredictResource.modelName("emoaudionet-recola_arousal"));
  }
}

package org.emoaudionet.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How `./emo predict --registered` prints the serving endpoint's answers. */
class PredictionLinesTest {
  private static ApiClient.Answer answer(int status, String json) throws Exception {
    return new ApiClient.Answer(status, JsonHttp.JSON.readTree(json));
  }

  @Test
  void oneLinePerFileGoodOrBad() throws Exception {
    ApiClient.Answer a = answer(422, "{\"detail\":[{\"type\":\"audio_format\",\"loc\":[\"body\","
        + "\"files\",1],\"msg\":\"b.txt: not a WAV or FLAC file\",\"input\":\"b.txt\"}],"
        + "\"model\":\"emoaudionet-recola_arousal\",\"version\":2,\"alias\":\"champion\","
        + "\"task\":\"arousal\",\"classes\":[\"0\",\"1\"],\"predictions\":[{\"file\":\"a.wav\","
        + "\"label\":\"1\",\"probabilities\":{\"0\":0.25,\"1\":0.75},\"value\":0.5,"
        + "\"segments\":3}]}");
    assertEquals("# emoaudionet-recola_arousal version 2 (alias champion), task arousal\n"
        + "{\"file\":\"a.wav\",\"label\":\"1\",\"probabilities\":{\"0\":0.25,\"1\":0.75},"
        + "\"value\":0.5,\"segments\":3}\n"
        + "{\"file\":\"b.txt\",\"error\":\"b.txt: not a WAV or FLAC file\"}\n",
        PredictionLines.format(a));
    assertNull(PredictionLines.refusal(a), "the bad file is on its own line already");
  }

  @Test
  void aRefusedRequestIsOneReason() throws Exception {
    ApiClient.Answer a = answer(404, "{\"detail\":\"registered model 'emoaudionet-x' not found in MLflow\"}");
    assertEquals("", PredictionLines.format(a));
    assertEquals("HTTP 404: registered model 'emoaudionet-x' not found in MLflow",
        PredictionLines.refusal(a));
  }
}

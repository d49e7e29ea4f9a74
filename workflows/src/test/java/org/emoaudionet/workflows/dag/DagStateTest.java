package org.emoaudionet.workflows.dag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The one mapping of {@code state/dags/<id>.json}, written by the API and read by the worker. */
class DagStateTest {
  private static final String SRC = "s3://emo/state/dags/d.json";

  @Test
  void writesTheDocumentedShapeAndReadsItBack() {
    DagState s = new DagState(true, Instant.parse("2026-01-02T03:04:05.123456Z"), "admin");
    assertEquals("{\"is_paused\":true,\"updated_at\":\"2026-01-02T03:04:05.123456Z\",\"updated_by\":\"admin\"}",
        s.toJson());
    assertEquals(s, DagState.fromJson(s.toJson(), SRC));
  }

  @Test
  void onlyIsPausedIsRequired() {
    DagState s = DagState.fromJson("{\"is_paused\": false}", SRC);
    assertEquals(false, s.isPaused());
    assertNull(s.updatedAt());
    assertNull(s.updatedBy());
  }

  @Test
  void aBrokenObjectIsAClearErrorNamingItsSource() {
    IllegalArgumentException notBool = assertThrows(IllegalArgumentException.class,
        () -> DagState.fromJson("{\"is_paused\": \"maybe\"}", SRC));
    assertTrue(notBool.getMessage().contains(SRC) && notBool.getMessage().contains("\"maybe\""),
        notBool.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> DagState.fromJson("{}", SRC));
    assertTrue(missing.getMessage().contains("found nothing"), missing.getMessage());
    IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
        () -> DagState.fromJson("{is_paused", SRC));
    assertTrue(notJson.getMessage().startsWith(SRC + " is not JSON"), notJson.getMessage());
    IllegalArgumentException badTime = assertThrows(IllegalArgumentException.class,
        () -> DagState.fromJson("{\"is_paused\": true, \"updated_at\": \"yesterday\"}", SRC));
    assertTrue(badTime.getMessage().contains("'updated_at'"), badTime.getMessage());
  }
}

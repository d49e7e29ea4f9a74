package org.emoaudionet.workflows.dag;

import org.emoaudionet.workflows.schedule.ScheduledDagRunWorkflow;
import org.emoaudionet.workflows.schedule.ScheduledDagRunWorkflowImpl;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Next fire times, logical dates of scheduled runs and their ids. */
class TimetableTest {
  static Instant t(String s) {
    return Instant.parse(s);
  }

  @Test
  void everyMinuteFiresAtTheNextWholeMinute() {
    Timetable every = Timetable.parse("* * * * *");
    assertEquals(Optional.of(t("2026-11-30T12:02:00Z")), every.nextAfter(t("2026-11-30T12:01:00Z")));
    assertEquals(Optional.of(t("2026-11-30T12:02:00Z")), every.nextAfter(t("2026-11-30T12:01:59.9Z")));
    assertEquals(Optional.of(t("2026-11-30T12:01:00Z")), every.latestAtOrBefore(t("2026-11-30T12:01:37Z")));
  }

  @Test
  void presetsAreAirflowsCronPresets() {
    Timetable daily = Timetable.parse("@daily");
    assertEquals("@daily", daily.summary());
    assertEquals("0 0 * * *", daily.cron());
    assertEquals(Optional.of(t("2026-12-01T00:00:00Z")), daily.nextAfter(t("2026-11-30T12:00:00Z")));
    assertEquals(Optional.of(t("2026-11-30T00:00:00Z")), daily.latestAtOrBefore(t("2026-11-30T12:00:00Z")));
    assertEquals(Optional.of(t("2026-11-30T00:00:00Z")), daily.latestAtOrBefore(t("2026-11-30T00:00:00Z")));
    // 2026-11-30 is a Monday: the next Sunday midnight is 6 December
    assertEquals(Optional.of(t("2026-12-06T00:00:00Z")),
        Timetable.parse("@weekly").nextAfter(t("2026-11-30T12:00:00Z")));
    assertEquals(Optional.of(t("2027-01-01T00:00:00Z")),
        Timetable.parse("@monthly").nextAfter(t("2026-12-15T00:00:00Z")));
  }

  @Test
  void stepsRangesAndWeekdays() {
    assertEquals(Optional.of(t("2026-11-30T12:15:00Z")),
        Timetable.parse("*/15 * * * *").nextAfter(t("2026-11-30T12:00:00Z")));
    // weekdays at 06:30: from Friday evening the next one is Monday
    assertEquals(Optional.of(t("2026-12-07T06:30:00Z")),
        Timetable.parse("30 6 * * 1-5").nextAfter(t("2026-12-04T20:00:00Z")));
  }

  @Test
  void descriptionsAreHumanText() {
    String d = Timetable.parse("30 6 * * 1-5").description().toLowerCase();
    assertTrue(d.contains("6:30") || d.contains("06:30"), d);
    assertEquals("every minute (UTC)", Timetable.parse("* * * * *").description());
    assertEquals("at 00:00 on 1 January (UTC)", Timetable.parse("@yearly").description());
  }

  @Test
  void badExpressionsNameTheValue() {
    for (String bad : new String[] {"* * * *", "61 * * * *", "* * * * * *", "@often", "a b c d e"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timetable.parse(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void scheduledRunIdsAreAirflowStyle() {
    assertEquals("scheduled__2026-11-30T12:01:00+00:00",
        ScheduledDagRunWorkflow.runId(t("2026-11-30T12:01:00Z")));
    assertEquals(t("2026-11-30T12:01:00Z"),
        ScheduledDagRunWorkflowImpl.cronFireTime("* * * * *", t("2026-11-30T12:01:00.250Z")));
    assertEquals(t("2026-11-30T00:00:00Z"),
        ScheduledDagRunWorkflowImpl.cronFireTime("@daily".equals("x") ? "" : "0 0 * * *",
            t("2026-11-30T00:03:10Z")));
  }
}

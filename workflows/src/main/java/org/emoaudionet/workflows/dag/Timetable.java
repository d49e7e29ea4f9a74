package org.emoaudionet.workflows.dag;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A DAG's {@code schedule}: a 5-field cron expression or one of Airflow's presets, in UTC, with
 * Airflow 3's default semantics (CronTriggerTimetable: a run fires at each cron time, and that
 * time is its logical date; no data interval of its own). Pure computation, so workflow code may
 * use it too.
 *
 * @param summary the schedule as written in the DAG file (Airflow's {@code timetable_summary})
 * @param cron the 5-field expression it stands for (what Temporal is given)
 */
public record Timetable(String summary, String cron) {
  /** Airflow's cron presets ({@code airflow.utils.dates.cron_presets}). */
  public static final Map<String, String> PRESETS = Map.of(
      "@hourly", "0 * * * *",
      "@daily", "0 0 * * *",
      "@weekly", "0 0 * * 0",
      "@monthly", "0 0 1 * *",
      "@quarterly", "0 0 1 */3 *",
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *");

  /** cron-utils words "0 0 1 1 *" as "at 00:00 at 1 day at January month": say presets plainly. */
  private static final Map<String, String> PRESET_TEXT = Map.of(
      "@hourly", "every hour, at minute 0",
      "@daily", "every day at 00:00",
      "@weekly", "every Sunday at 00:00",
      "@monthly", "at 00:00 on day 1 of every month",
      "@quarterly", "at 00:00 on 1 January, April, July and October",
      "@yearly", "at 00:00 on 1 January",
      "@annually", "at 00:00 on 1 January");

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /**
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static Timetable parse(String schedule) {
    if (schedule == null || schedule.isBlank()) {
      throw new IllegalArgumentException("schedule is empty");
    }
    String s = schedule.strip();
    if (s.startsWith("@")) {
      String cron = PRESETS.get(s);
      if (cron == null) {
        throw new IllegalArgumentException("'" + s + "' is not a supported preset; expected one of "
            + PRESETS.keySet().stream().sorted().toList() + " or a 5-field cron expression");
      }
      return new Timetable(s, cron);
    }
    String[] fields = s.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("'" + s + "' has " + fields.length
          + " fields; a cron expression has 5 (minute hour day-of-month month day-of-week)");
    }
    try {
      PARSER.parse(s).validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not a valid cron expression: "
          + e.getMessage(), e);
    }
    return new Timetable(s, String.join(" ", fields));
  }

  private Cron parsed() {
    return PARSER.parse(cron);
  }

  /** Human text, as Airflow's {@code timetable_description} ("every minute", ...). */
  public String description() {
    String preset = PRESET_TEXT.get(summary);
    if (preset != null) return preset + " (UTC)";
    return CronDescriptor.instance(Locale.UK).describe(parsed()) + " (UTC)";
  }

  /** The first fire time strictly after {@code after}. */
  public Optional<Instant> nextAfter(Instant after) {
    return ExecutionTime.forCron(parsed()).nextExecution(utc(after)).map(ZonedDateTime::toInstant);
  }

  /** The latest fire time at or before {@code at}: the logical date of the run due then. */
  public Optional<Instant> latestAtOrBefore(Instant at) {
    ExecutionTime times = ExecutionTime.forCron(parsed());
    ZonedDateTime minute = utc(at).truncatedTo(ChronoUnit.MINUTES);
    if (times.isMatch(minute)) return Optional.of(minute.toInstant());
    return times.lastExecution(minute).map(ZonedDateTime::toInstant);
  }

  private static ZonedDateTime utc(Instant t) {
    return t.atZone(ZoneOffset.UTC);
  }
}

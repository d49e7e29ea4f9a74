package org.emoaudionet.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Airflow's list filters, applied in memory to rows the API has built: ranges
 * ({@code <field>_gte/_gt/_lte/_lt}), {@code <field>_pattern} (ILIKE) and
 * {@code <field>_prefix_pattern} (case-sensitive prefix), any-of lists and single values. The
 * values come from query parameters or from a batch body ({@link FilterSource}); a bad value is
 * a 422 naming the parameter. A row whose field is null never passes a range or pattern, as SQL
 * comparisons with NULL are false in Airflow.
 */
final class ListFilters<T> {
  private final FilterSource src;
  private final List<Predicate<T>> tests = new ArrayList<>();

  ListFilters(FilterSource src) {
    this.src = src;
  }

  /** {@code <field>_gte}, {@code _gt}, {@code _lte}, {@code _lt} on an aware date-time. */
  ListFilters<T> times(String field, Function<T, Instant> value) {
    Instant gte = time(field + "_gte");
    Instant gt = time(field + "_gt");
    Instant lte = time(field + "_lte");
    Instant lt = time(field + "_lt");
    if (gte == null && gt == null && lte == null && lt == null) return this;
    tests.add(r -> {
      Instant v = value.apply(r);
      return v != null && (gte == null || !v.isBefore(gte)) && (gt == null || v.isAfter(gt))
          && (lte == null || !v.isAfter(lte)) && (lt == null || v.isBefore(lt));
    });
    return this;
  }

  /** The same on a calendar date ({@code format: date}, Airflow's partition_date). */
  ListFilters<T> dates(String field, Function<T, LocalDate> value) {
    LocalDate gte = date(field + "_gte");
    LocalDate lte = date(field + "_lte");
    if (gte == null && lte == null) return this;
    tests.add(r -> {
      LocalDate v = value.apply(r);
      return v != null && (gte == null || !v.isBefore(gte)) && (lte == null || !v.isAfter(lte));
    });
    return this;
  }

  /** {@code <field>_gte}, {@code _gt}, {@code _lte}, {@code _lt} on a number. */
  ListFilters<T> numbers(String field, Function<T, Double> value) {
    Double gte = number(field + "_gte");
    Double gt = number(field + "_gt");
    Double lte = number(field + "_lte");
    Double lt = number(field + "_lt");
    if (gte == null && gt == null && lte == null && lt == null) return this;
    tests.add(r -> {
      Double v = value.apply(r);
      return v != null && (gte == null || v >= gte) && (gt == null || v > gt)
          && (lte == null || v <= lte) && (lt == null || v < lt);
    });
    return this;
  }

  /** {@code <field>_pattern} (ILIKE, {@code |} alternatives) and {@code <field>_prefix_pattern}. */
  ListFilters<T> patterns(String field, Function<T, String> value) {
    return patterns(field, value, true);
  }

  /** As {@link #patterns(String, Function)}; {@code alternatives} false: {@code |} is literal. */
  ListFilters<T> patterns(String field, Function<T, String> value, boolean alternatives) {
    String like = single(field + "_pattern");
    if (like != null && !like.isEmpty()) {
      LikePattern p = LikePattern.compile(like, alternatives);
      tests.add(r -> {
        String v = value.apply(r);
        return v != null && p.matches(v);
      });
    }
    String prefix = single(field + "_prefix_pattern");
    if (prefix != null && !prefix.isEmpty()) {
      tests.add(r -> {
        String v = value.apply(r);
        return v != null && v.startsWith(prefix);
      });
    }
    return this;
  }

  /** A repeated parameter (or body list): the row's value must be one of them. */
  ListFilters<T> anyOf(String name, Function<T, String> value) {
    List<String> wanted = src.values(name);
    if (!wanted.isEmpty()) tests.add(r -> wanted.contains(value.apply(r)));
    return this;
  }

  /** A repeated integer parameter (or body list). */
  ListFilters<T> anyInt(String name, Function<T, Integer> value) {
    List<Integer> wanted = new ArrayList<>();
    for (String raw : src.values(name)) wanted.add(raw == null ? null : integer(name, raw));
    if (!wanted.isEmpty()) tests.add(r -> wanted.contains(value.apply(r)));
    return this;
  }

  /** A single-valued equality filter. */
  ListFilters<T> equal(String name, Function<T, String> value) {
    String wanted = single(name);
    if (wanted != null) tests.add(r -> Objects.equals(wanted, value.apply(r)));
    return this;
  }

  /** Any other test of the row. */
  ListFilters<T> test(Predicate<T> p) {
    tests.add(p);
    return this;
  }

  Predicate<T> predicate() {
    List<Predicate<T>> all = List.copyOf(tests);
    return r -> {
      for (Predicate<T> t : all) if (!t.test(r)) return false;
      return true;
    };
  }

  private String single(String name) {
    List<String> v = src.values(name);
    return v.isEmpty() ? null : v.get(v.size() - 1);
  }

  private Instant time(String name) {
    String raw = single(name);
    return raw == null || raw.isEmpty() ? null : Params.time(List.of(src.where(), name), raw);
  }

  private LocalDate date(String name) {
    String raw = single(name);
    if (raw == null || raw.isEmpty()) return null;
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("date_from_datetime_parsing", List.of(src.where(), name),
          "Input should be a valid date in the format YYYY-MM-DD", raw);
    }
  }

  private Double number(String name) {
    String raw = single(name);
    if (raw == null || raw.isEmpty()) return null;
    try {
      return new BigDecimal(raw.strip()).doubleValue();
    } catch (NumberFormatException e) {
      throw ApiException.invalid("float_parsing", List.of(src.where(), name),
          "Input should be a valid number, unable to parse string as a number", raw);
    }
  }

  private int integer(String name, String raw) {
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("int_parsing", List.of(src.where(), name),
          "Input should be a valid integer, unable to parse string as an integer", raw);
    }
  }
}

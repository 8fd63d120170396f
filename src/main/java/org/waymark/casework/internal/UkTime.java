package org.waymark.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Casework times are entered and shown in UK time (Europe/London) and stored as instants, so that a
 * contact keeps its moment across the changes between GMT and British Summer Time.
 */
public final class UkTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  private UkTime() {}

  /**
   * The instant of a UK date and time. In the hour the clocks go back (which happens twice) it is
   * the first, still in British Summer Time; a time skipped when the clocks go forward has none.
   */
  public static Optional<Instant> instant(LocalDate date, LocalTime time) {
    LocalDateTime local = LocalDateTime.of(date, time);
    List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(local);
    if (offsets.isEmpty()) {
      return Optional.empty();
    }
    // Europe/London lists the summer offset first in the overlap: the earlier of the two instants.
    return Optional.of(ZonedDateTime.ofLocal(local, ZONE, offsets.get(0)).toInstant());
  }

  public static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  public static LocalDate date(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  public static LocalTime time(Instant instant) {
    return instant.atZone(ZONE).toLocalTime();
  }

  /** For example "14 July 2025". */
  public static String formatDate(LocalDate date) {
    return date == null ? null : DATE.format(date);
  }

  /** For example "14 July 2025". */
  public static String formatDate(Instant instant) {
    return instant == null ? null : DATE.format(date(instant));
  }

  /** For example "14 July 2025 at 2:30pm", in UK time. */
  public static String formatDateTime(Instant instant) {
    if (instant == null) {
      return null;
    }
    ZonedDateTime t = instant.atZone(ZONE);
    return DATE.format(t) + " at " + TIME.format(t).toLowerCase(Locale.UK);
  }
}

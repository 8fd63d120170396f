package org.waymark.research.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.validation.BindingResult;
import org.waymark.research.ResearchValidationException;
import org.waymark.shared.web.DateInput;

/**
 * Reading what the research pages receive: anything that does not parse becomes null (or -1 for a
 * version, which never matches), so that the service names the problem.
 */
final class Forms {

  private Forms() {}

  /**
   * A date from a map-backed form's three boxes {@code <field>Day}, {@code Month}, {@code Year}.
   */
  static LocalDate date(Map<String, String> form, String field) {
    return new DateInput(
            form.get(field + "Day"), form.get(field + "Month"), form.get(field + "Year"))
        .toDate();
  }

  static BigDecimal decimal(String s) {
    try {
      return s == null || s.isBlank() ? null : new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Integer whole(String s) {
    return s == null || !s.strip().matches("\\d{1,4}") ? null : Integer.valueOf(s.strip());
  }

  static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static UUID uuid(String s) {
    try {
      return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static long version(String s) {
    return s == null || !s.strip().matches("\\d{1,18}") ? -1 : Long.parseLong(s.strip());
  }

  /** Puts a service's problems on a bound form's fields (the first per field wins). */
  static void reject(BindingResult errors, ResearchValidationException e) {
    e.problems()
        .forEach(
            (field, message) -> {
              if (!errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "research.invalid", message);
              }
            });
  }
}

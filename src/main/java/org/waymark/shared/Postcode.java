package org.waymark.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** A UK postcode in its normal form: upper case, one space before the inward code. */
public final class Postcode {

  private static final Pattern UK =
      Pattern.compile("^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$");

  private Postcode() {}

  /** True if the text is a well-formed UK postcode (case and spacing ignored). */
  public static boolean isValid(String text) {
    return text != null
        && UK.matcher(text.trim().toUpperCase(Locale.UK).replaceAll("\\s+", " ")).matches();
  }

  /**
   * Normalises a postcode, for example {@code "ls1 4ap"} to {@code "LS1 4AP"}.
   *
   * @throws IllegalArgumentException if it is not a UK postcode
   */
  public static String normalise(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException("Not a valid UK postcode");
    }
    String compact = text.toUpperCase(Locale.UK).replaceAll("\\s+", "");
    return compact.substring(0, compact.length() - 3)
        + " "
        + compact.substring(compact.length() - 3);
  }
}

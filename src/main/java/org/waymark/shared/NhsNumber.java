package org.waymark.shared;

import java.util.Objects;

/**
 * A ten-digit NHS number whose tenth digit is the modulus-11 check digit. Spaces and hyphens in the
 * input are ignored; {@link #toString()} gives the ten digits, {@link #formatted()} the 3-3-4 form.
 */
public final class NhsNumber {

  private final String digits;

  private NhsNumber(String digits) {
    this.digits = digits;
  }

  /**
   * Parses an NHS number.
   *
   * @throws IllegalArgumentException if it is not ten digits or its check digit is wrong
   */
  public static NhsNumber of(String text) {
    String digits = normalise(text);
    if (!isValid(digits)) {
      throw new IllegalArgumentException("Not a valid NHS number");
    }
    return new NhsNumber(digits);
  }

  /** True if the text, ignoring spaces and hyphens, is ten digits with a correct check digit. */
  public static boolean isValid(String text) {
    if (text == null) {
      return false;
    }
    String d = normalise(text);
    if (!d.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      check = 0;
    }
    // A remainder giving 10 means the number was never issued.
    return check != 10 && check == d.charAt(9) - '0';
  }

  private static String normalise(String text) {
    return text == null ? "" : text.replaceAll("[\\s-]", "");
  }

  /** The number as 3-3-4 digits, as NHS services show it. */
  public String formatted() {
    return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
  }

  @Override
  public String toString() {
    return digits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NhsNumber other && other.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digits);
  }
}

package org.waymark.codelist.internal;

/**
 * The Verhoeff check digit, which ends every SNOMED CT identifier. It catches every single-digit
 * error and every swap of adjacent digits, so a mistyped concept id is refused rather than stored.
 */
public final class Verhoeff {

  private static final int[][] MULTIPLY = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };

  private static final int[][] PERMUTE = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  private Verhoeff() {}

  /** True if {@code digits} (only 0-9, at least two) ends in its correct Verhoeff check digit. */
  public static boolean isValid(String digits) {
    if (digits == null || digits.length() < 2 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int check = 0;
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      int digit = digits.charAt(n - 1 - i) - '0';
      check = MULTIPLY[check][PERMUTE[i % 8][digit]];
    }
    return check == 0;
  }
}

package org.waymark.directory;

/** Describes age limits in words, for pages and match reasons alike. */
final class AgeRange {

  private AgeRange() {}

  static String describe(
      Integer min, Integer max, String none, String from, String upTo, String between) {
    if (min == null || min == 0) {
      return max == null ? none : String.format(upTo, max);
    }
    return max == null ? String.format(from, min) : String.format(between, min, max);
  }
}

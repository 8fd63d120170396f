package org.waymark.directory;

/**
 * Which directory locations to list: every criterion given must hold. Locations come in name order
 * (those without a name last).
 *
 * @param name text the name is compared with; null for any name
 * @param nameMatch how it is compared; null for {@link NameMatch#STARTS_WITH}
 * @param postcode a whole UK postcode (matched exactly, spacing and case aside), an outward code
 *     such as {@code LS2} (every postcode of that district) or the start of a postcode; null for
 *     any place
 * @param offset how many matches to pass over, at least 0
 * @param limit the most to return, 0 to {@link #MAX_LIMIT}; 0 counts the matches only
 */
public record LocationSearch(
    String name, NameMatch nameMatch, String postcode, int offset, int limit) {

  /** The most one page holds. */
  public static final int MAX_LIMIT = 100;

  /**
   * @throws IllegalArgumentException if the offset or the limit is out of range
   */
  public LocationSearch {
    if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset at least 0, limit 0 to " + MAX_LIMIT);
    }
    nameMatch = nameMatch == null ? NameMatch.STARTS_WITH : nameMatch;
  }
}

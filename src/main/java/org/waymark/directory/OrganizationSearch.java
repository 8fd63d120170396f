package org.waymark.directory;

/**
 * Which directory organisations to list: every criterion given must hold. Organisations come in
 * name order.
 *
 * @param name text the name is compared with; null for any name
 * @param nameMatch how it is compared; null for {@link NameMatch#STARTS_WITH}
 * @param identifierScheme the scheme an identifier must be of (see {@link
 *     DirectoryOrganization.Identifier#scheme()}); null for any scheme
 * @param identifier an identifier the organisation must have, exactly; null for any
 * @param offset how many matches to pass over, at least 0
 * @param limit the most to return, 0 to {@link #MAX_LIMIT}; 0 counts the matches only
 */
public record OrganizationSearch(
    String name,
    NameMatch nameMatch,
    String identifierScheme,
    String identifier,
    int offset,
    int limit) {

  /** The most one page holds. */
  public static final int MAX_LIMIT = 100;

  /**
   * @throws IllegalArgumentException if the offset or the limit is out of range
   */
  public OrganizationSearch {
    if (offset < 0 || limit < 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("offset at least 0, limit 0 to " + MAX_LIMIT);
    }
    nameMatch = nameMatch == null ? NameMatch.STARTS_WITH : nameMatch;
  }
}

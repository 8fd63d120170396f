package org.waymark.directory.internal.oruk;

/**
 * Which page of a list the caller asked for.
 *
 * @param page 1-based page number
 * @param perPage number of items a full page holds
 */
public record PageRequest(int page, int perPage) {

  /** Items on a page when the caller does not say. */
  public static final int DEFAULT_PER_PAGE = 50;

  /** The most items one page may hold, so that one request cannot ask for the whole directory. */
  public static final int MAX_PER_PAGE = 1000;

  long offset() {
    return (long) (page - 1) * perPage;
  }
}

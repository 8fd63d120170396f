package org.waymark.directory;

import java.util.List;

/**
 * One page of services found; {@code total} counts every match, or, when {@code totalIsAtLeast}, is
 * a lower bound: a text search stops counting at a cap, as a page of more than that many services
 * is better narrowed with filters than paged through.
 *
 * @param sort the order the services are in
 * @param totalIsAtLeast more services match than {@code total}, and the pages stop there
 */
public record ServiceSearchResult(
    List<ServiceMatch> services,
    int page,
    int size,
    long total,
    ServiceSearch.Sort sort,
    boolean totalIsAtLeast) {

  public ServiceSearchResult {
    services = List.copyOf(services);
  }

  /** A result whose total counts every match. */
  public ServiceSearchResult(
      List<ServiceMatch> services, int page, int size, long total, ServiceSearch.Sort sort) {
    this(services, page, size, total, sort, false);
  }

  /** The number of pages of {@code size} that hold every match counted; at least 1. */
  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}

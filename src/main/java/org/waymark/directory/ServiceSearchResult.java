package org.waymark.directory;

import java.util.List;

/**
 * One page of services found; {@code total} counts every match.
 *
 * @param sort the order the services are in
 */
public record ServiceSearchResult(
    List<ServiceMatch> services, int page, int size, long total, ServiceSearch.Sort sort) {

  public ServiceSearchResult {
    services = List.copyOf(services);
  }

  /** The number of pages of {@code size} that hold every match; at least 1. */
  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}

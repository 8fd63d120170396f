package org.waymark.directory;

import java.util.List;

/**
 * One page of directory records and how many match in all.
 *
 * @param offset how many matches come before this page
 * @param limit the most the page could hold; 0 when only the total was asked for
 * @param total every match, on every page
 */
public record DirectoryPage<T>(List<T> items, int offset, int limit, long total) {

  public DirectoryPage {
    items = List.copyOf(items);
  }

  /** Whether matches follow this page. */
  public boolean hasMore() {
    return (long) offset + items.size() < total;
  }
}

package org.waymark.person;

import java.util.List;

/** One page of people found, by family name then given name; {@code total} counts every match. */
public record PersonSearchResult(List<Person> people, int page, int size, long total) {

  /** The number of pages of {@code size} that hold every match; at least 1. */
  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}

package org.waymark.directory;

import java.util.List;

/** One page of listings, and how many match in all. */
public record ListingPage(List<ListingSummary> listings, int page, int size, long total) {

  public ListingPage {
    listings = List.copyOf(listings);
  }

  public int totalPages() {
    return (int) ((total + size - 1) / size);
  }
}

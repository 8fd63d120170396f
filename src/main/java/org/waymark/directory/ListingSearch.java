package org.waymark.directory;

import java.util.UUID;

/**
 * Which listings to list. Every filter may be left out (null or false).
 *
 * @param holderOrganisationId only listings this organisation holds; ignored for users who are not
 *     curators, who only ever see their own organisation's
 * @param staleOnly only listings not verified for 12 months, oldest first
 * @param needsToConfirm only listings with suggested need domains
 * @param accepting only listings in this state
 * @param page 0-based
 */
public record ListingSearch(
    UUID holderOrganisationId,
    boolean staleOnly,
    boolean needsToConfirm,
    AcceptingReferrals accepting,
    int page,
    int size) {

  public ListingSearch {
    page = Math.max(0, page);
    size = Math.min(Math.max(1, size), 100);
  }
}

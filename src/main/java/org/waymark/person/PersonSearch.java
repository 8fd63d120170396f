package org.waymark.person;

import java.time.LocalDate;

/**
 * A search of the people held by the acting organisation. Every criterion may be null or blank (no
 * filter); given criteria all apply.
 *
 * @param name a fragment of any of the person's names, ignoring case and accents; several words
 *     must all match
 * @param nhsNumber a whole NHS number, spaces allowed
 * @param page 0-based
 * @param size at most 100; 25 when not positive
 */
public record PersonSearch(
    String name, String nhsNumber, LocalDate dateOfBirth, int page, int size) {

  public PersonSearch {
    page = Math.max(page, 0);
    size = size <= 0 ? 25 : Math.min(size, 100);
  }
}

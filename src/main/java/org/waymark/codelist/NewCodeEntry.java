package org.waymark.codelist;

/**
 * A new entry as entered, before validation; text is trimmed and blank text counts as absent.
 *
 * @param code upper case letters, digits and underscores, starting with a letter; unique in the
 *     list and never changed once made
 * @param label unique in the list, ignoring case
 * @param snomedCode a SNOMED CT concept id (6 to 18 digits ending in a Verhoeff check digit), or
 *     null
 * @param position the order the entry is offered in, 0 to 9999; null is refused
 */
public record NewCodeEntry(String code, String label, String snomedCode, Integer position) {}

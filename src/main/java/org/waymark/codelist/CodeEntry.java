package org.waymark.codelist;

/**
 * One entry of a code list.
 *
 * @param code stable, upper case with underscores, for example {@code GP}; stored by other modules
 * @param label what people read
 * @param snomedCode a SNOMED CT concept id, or null
 * @param active inactive entries stay readable on old records but are not offered for new ones
 * @param position the order entries are offered in
 */
public record CodeEntry(
    CodeList list, String code, String label, String snomedCode, boolean active, int position) {}

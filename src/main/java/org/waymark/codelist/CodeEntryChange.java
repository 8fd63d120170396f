package org.waymark.codelist;

/**
 * New values for an entry's changeable fields; its code never changes.
 *
 * @param label unique in the list, ignoring case
 * @param snomedCode a SNOMED CT concept id, or null to remove it
 * @param active false withdraws the entry from new records; stored codes stay readable
 * @param position 0 to 9999; null is refused
 */
public record CodeEntryChange(String label, String snomedCode, boolean active, Integer position) {}

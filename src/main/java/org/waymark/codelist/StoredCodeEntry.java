package org.waymark.codelist;

/**
 * A code list entry as stored, with the {@code version} an edit must name so that a stale edit is
 * refused.
 */
public record StoredCodeEntry(CodeEntry entry, long version) {}

package org.waymark.directory;

/** How a name searched for is compared with the names held, ignoring case. */
public enum NameMatch {
  /** The name held starts with the text (FHIR's default for a string parameter). */
  STARTS_WITH,
  /** The name held contains the text anywhere. */
  CONTAINS,
  /** The name held is the text, case aside. */
  EXACT
}

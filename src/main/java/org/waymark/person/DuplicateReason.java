package org.waymark.person;

/** Why two person records may be the same person. */
public enum DuplicateReason {
  SAME_NHS_NUMBER("Same NHS number"),
  SIMILAR_NAME_AND_DATE_OF_BIRTH("Similar name and same date of birth"),
  SAME_NAME_AND_POSTCODE("Same name and postcode");

  private final String label;

  DuplicateReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

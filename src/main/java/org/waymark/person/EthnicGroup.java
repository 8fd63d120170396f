package org.waymark.person;

/** The five high-level ethnic groups of the ONS 2021 census for England and Wales. */
public enum EthnicGroup {
  ASIAN("Asian, Asian British or Asian Welsh"),
  BLACK("Black, Black British, Black Welsh, Caribbean or African"),
  MIXED("Mixed or Multiple ethnic groups"),
  WHITE("White"),
  OTHER("Other ethnic group");

  private final String label;

  EthnicGroup(String label) {
    this.label = label;
  }

  /** The ONS group's label, for example "White". */
  public String label() {
    return label;
  }
}

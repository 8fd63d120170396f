package org.waymark.person;

import java.util.Arrays;
import java.util.List;

/**
 * Ethnicity: the 19 categories of the ONS 2021 census for England and Wales, each in its {@link
 * EthnicGroup}, and {@link #PREFER_NOT_TO_SAY}, which belongs to no group. A person whose ethnicity
 * has not been asked has none (null), which is not the same as preferring not to say.
 */
public enum Ethnicity {
  ASIAN_BANGLADESHI(EthnicGroup.ASIAN, "Bangladeshi"),
  ASIAN_CHINESE(EthnicGroup.ASIAN, "Chinese"),
  ASIAN_INDIAN(EthnicGroup.ASIAN, "Indian"),
  ASIAN_PAKISTANI(EthnicGroup.ASIAN, "Pakistani"),
  ASIAN_OTHER(EthnicGroup.ASIAN, "Any other Asian background"),
  BLACK_AFRICAN(EthnicGroup.BLACK, "African"),
  BLACK_CARIBBEAN(EthnicGroup.BLACK, "Caribbean"),
  BLACK_OTHER(EthnicGroup.BLACK, "Any other Black, Black British, or Caribbean background"),
  MIXED_WHITE_AND_ASIAN(EthnicGroup.MIXED, "White and Asian"),
  MIXED_WHITE_AND_BLACK_AFRICAN(EthnicGroup.MIXED, "White and Black African"),
  MIXED_WHITE_AND_BLACK_CARIBBEAN(EthnicGroup.MIXED, "White and Black Caribbean"),
  MIXED_OTHER(EthnicGroup.MIXED, "Any other Mixed or Multiple ethnic background"),
  WHITE_BRITISH(EthnicGroup.WHITE, "English, Welsh, Scottish, Northern Irish or British"),
  WHITE_IRISH(EthnicGroup.WHITE, "Irish"),
  WHITE_GYPSY_OR_IRISH_TRAVELLER(EthnicGroup.WHITE, "Gypsy or Irish Traveller"),
  WHITE_ROMA(EthnicGroup.WHITE, "Roma"),
  WHITE_OTHER(EthnicGroup.WHITE, "Any other White background"),
  OTHER_ARAB(EthnicGroup.OTHER, "Arab"),
  OTHER_ANY(EthnicGroup.OTHER, "Any other ethnic group"),
  PREFER_NOT_TO_SAY(null, "Prefer not to say");

  private final EthnicGroup group;
  private final String label;

  Ethnicity(EthnicGroup group, String label) {
    this.group = group;
    this.label = label;
  }

  /** The ONS group; null only for {@link #PREFER_NOT_TO_SAY}. */
  public EthnicGroup group() {
    return group;
  }

  /** The ONS category's label, for example "Irish". */
  public String label() {
    return label;
  }

  /** The label with its group, for example "White: Irish", as summaries and reports show it. */
  public String fullLabel() {
    return group == null ? label : group.label() + ": " + label;
  }

  /** The categories of one group, in ONS order. */
  public static List<Ethnicity> inGroup(EthnicGroup group) {
    return Arrays.stream(values()).filter(e -> e.group == group).toList();
  }
}

package org.waymark.shared;

/**
 * The need domains of a "what matters to me" conversation (DOMAIN.md), used by referrals, casework
 * and the directory alike. Codes are stable and stored; labels are what people read.
 */
public enum NeedDomain {
  LONELINESS("Loneliness and social isolation"),
  MONEY("Money, debt and benefits"),
  HOUSING("Housing"),
  MENTAL_WELLBEING("Mental wellbeing"),
  PHYSICAL_ACTIVITY("Physical activity"),
  FOOD("Healthy eating and food"),
  LONG_TERM_CONDITION("Long-term condition support"),
  CARER_SUPPORT("Carer support"),
  EMPLOYMENT("Employment, volunteering and learning"),
  BEREAVEMENT("Bereavement"),
  TRANSPORT("Transport and getting about"),
  DIGITAL_INCLUSION("Digital inclusion"),
  LEGAL_ADVICE("Legal advice"),
  SUBSTANCE_USE("Substance use"),
  SAFETY("Safety (domestic abuse, safeguarding)"),
  OTHER("Other");

  private final String label;

  NeedDomain(String label) {
    this.label = label;
  }

  /** The label people read, for example "Loneliness and social isolation". */
  public String label() {
    return label;
  }
}

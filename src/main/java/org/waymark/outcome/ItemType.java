package org.waymark.outcome;

/** The kinds of question an instrument can ask. */
public enum ItemType {
  /** A whole number between a minimum and a maximum, for example 0 to 10. */
  SCALE,
  /** One of the answer options. */
  SINGLE_CHOICE,
  /** Any of the answer options. */
  MULTIPLE_CHOICE,
  /** A number, within limits if given. */
  NUMBER,
  /** A calendar date. */
  DATE,
  /** Words. */
  FREE_TEXT
}

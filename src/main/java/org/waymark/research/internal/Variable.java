package org.waymark.research.internal;

import java.util.List;

/**
 * One column of an export, as its data dictionary describes it.
 *
 * @param name lower_snake_case, at most 26 characters, starting with a letter
 * @param label what it is, in words
 * @param type what kind of value it holds
 * @param choices the codes it may hold with their labels, for {@link Type#CHOICE}; empty otherwise
 * @param note more about it (units, what an empty value means); may be null
 * @param min the smallest value allowed, for numbers and dates; may be null
 * @param max the largest value allowed, for numbers and dates; may be null
 * @param required whether every row has a value
 */
public record Variable(
    String name,
    String label,
    Type type,
    List<Choice> choices,
    String note,
    String min,
    String max,
    boolean required) {

  /** What kind of value a variable holds. */
  public enum Type {
    TEXT,
    DATE,
    INTEGER,
    NUMBER,
    CHOICE
  }

  /**
   * A code a variable may hold, with its label.
   *
   * @param code letters, digits and underscores only
   */
  public record Choice(String code, String label) {

    public Choice {
      if (!code.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("A code may hold letters, digits and underscores only");
      }
    }
  }

  public Variable {
    if (!name.matches("[a-z][a-z0-9_]{0,25}")) {
      throw new IllegalArgumentException("Not a variable name: " + name);
    }
    choices = List.copyOf(choices);
    if ((type == Type.CHOICE) == choices.isEmpty()) {
      throw new IllegalArgumentException("Only a choice variable has choices: " + name);
    }
  }

  /** A free text variable. */
  public static Variable text(String name, String label, String note, boolean required) {
    return new Variable(name, label, Type.TEXT, List.of(), note, null, null, required);
  }

  /** A date variable, written as yyyy-mm-dd. */
  public static Variable date(String name, String label, String note, boolean required) {
    return new Variable(name, label, Type.DATE, List.of(), note, null, null, required);
  }

  /** A whole number variable, within bounds (either may be null). */
  public static Variable integer(
      String name, String label, String note, Integer min, Integer max, boolean required) {
    return new Variable(
        name,
        label,
        Type.INTEGER,
        List.of(),
        note,
        min == null ? null : min.toString(),
        max == null ? null : max.toString(),
        required);
  }

  /** A decimal number variable. */
  public static Variable number(String name, String label, String note, boolean required) {
    return new Variable(name, label, Type.NUMBER, List.of(), note, null, null, required);
  }

  /** A variable holding one of a list of codes. */
  public static Variable choice(
      String name, String label, List<Choice> choices, String note, boolean required) {
    return new Variable(name, label, Type.CHOICE, choices, note, null, null, required);
  }

  /** Agreed (1) or not agreed (0). */
  public static List<Choice> agreed() {
    return List.of(new Choice("1", "Agreed"), new Choice("0", "Not agreed"));
  }

  /** Yes (1) or no (0). */
  public static List<Choice> yesNo() {
    return List.of(new Choice("1", "Yes"), new Choice("0", "No"));
  }
}

package org.waymark.notification.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GOV.UK Notify style placeholders, {@code ((name))}: finding them and filling them in. */
public final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([^()]*)\\)\\)");

  private Placeholders() {}

  /** The placeholders a text uses, in order of first use; empty for null. */
  public static Set<String> in(String text) {
    Set<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher m = PLACEHOLDER.matcher(text);
      while (m.find()) {
        names.add(m.group(1).strip());
      }
    }
    return names;
  }

  /**
   * The text with every placeholder filled in.
   *
   * @throws IllegalArgumentException if a placeholder has no value: the caller forgot one
   */
  public static String fill(String text, Map<String, String> values) {
    if (text == null) {
      return null;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).strip();
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("No value for the placeholder ((" + name + "))");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}

package org.waymark.shared;

import java.util.Arrays;
import java.util.List;

/** Free text as pages show it: paragraphs split at blank lines, each paragraph as its lines. */
public final class Paragraphs {

  private Paragraphs() {}

  /**
   * The paragraphs of a text typed in a textarea (any line endings); empty for null or blank text.
   */
  public static List<List<String>> of(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .map(p -> List.of(p.split("\n")))
        .toList();
  }
}

package org.waymark.support;

import java.util.List;
import java.util.Random;

/**
 * Bad input made from good input, for fuzzing importers and APIs: each mutant is a valid example
 * with one to three of these done to it: characters deleted, junk inserted, a value swapped for
 * something of the wrong kind or size, a line duplicated, the text cut short. Seeded, so a failure
 * can be replayed.
 */
public final class Mutations {

  static final List<String> JUNK =
      List.of(
          "",
          "null",
          "-1",
          "0",
          "99999999999999999999999",
          "1e309",
          "NaN",
          "true",
          "[]",
          "{}",
          "[[[[[[[[[[]]]]]]]]]]",
          "\"",
          "\\",
          ",",
          ";",
          "\r\n",
          "\u0000",
          "\uFEFF",
          "\uD83D\uDE00",
          "'; DROP TABLE referral; --",
          "=HYPERLINK(\"http://x\")",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "%00",
          "2026-02-30",
          "9999-12-31",
          "ZZ99 9ZZ",
          "x".repeat(5000));

  private final Random random;

  public Mutations(long seed) {
    this.random = new Random(seed);
  }

  /** A mutant of the text. */
  public String mutate(String good) {
    String s = good;
    int times = 1 + random.nextInt(3);
    for (int i = 0; i < times; i++) {
      s = once(s);
    }
    return s;
  }

  private String once(String s) {
    if (s.isEmpty()) {
      return junk();
    }
    int at = random.nextInt(s.length());
    return switch (random.nextInt(6)) {
      case 0 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
      case 1 -> s.substring(0, at) + junk() + s.substring(at);
      case 2 -> swapValue(s, at);
      case 3 -> {
        String[] lines = s.split("\n", -1);
        int line = random.nextInt(lines.length);
        yield s + "\n" + lines[line];
      }
      case 4 -> s.substring(0, at);
      default -> s.substring(0, at) + (char) random.nextInt(0x3000) + s.substring(at);
    };
  }

  /** Replaces the token around a position (between delimiters) with junk. */
  private String swapValue(String s, int at) {
    String delimiters = ",:\"\n[]{}";
    int start = at;
    while (start > 0 && delimiters.indexOf(s.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at;
    while (end < s.length() && delimiters.indexOf(s.charAt(end)) < 0) {
      end++;
    }
    return s.substring(0, start) + junk() + s.substring(end);
  }

  private String junk() {
    return junk(random);
  }

  /** A value of the wrong kind or size. */
  public static String junk(Random random) {
    return JUNK.get(random.nextInt(JUNK.size()));
  }
}

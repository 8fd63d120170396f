package org.waymark.referral.internal;

import java.security.SecureRandom;

/**
 * Short references people can read out on the phone: {@code WM-} and two groups of four from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U). About 6.5 × 10^11 values, drawn at random.
 */
public final class References {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private References() {}

  public static String next() {
    StringBuilder s = new StringBuilder("WM-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        s.append('-');
      }
      s.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }
}

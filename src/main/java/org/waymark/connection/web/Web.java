package org.waymark.connection.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Parsing what the connection pages receive. */
final class Web {

  private Web() {}

  /** A UUID, or null for anything else. */
  static UUID uuid(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A page number from 0, or 0 for anything else. */
  static int page(String s) {
    if (s == null || !s.strip().matches("\\d{1,6}")) {
      return 0;
    }
    return Integer.parseInt(s.strip());
  }

  /** A version as posted, or -1 (which never matches) for anything else. */
  static long version(String s) {
    if (s == null || !s.strip().matches("\\d{1,18}")) {
      return -1;
    }
    return Long.parseLong(s.strip());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package org.waymark.directory.internal.imports;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Cleans contact fields from other systems' feeds, which are messy as real data is: an email
 * address with a trailing full stop is mended; one that still is not an address is dropped with a
 * note, so that the directory never publishes a value the ORUK schema refuses.
 */
final class ContactFields {

  // Deliberately plain: a local part, an @, and a domain of at least two labels with a real-looking
  // top-level domain; the ORUK validator checks RFC 5321 mailboxes.
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  private ContactFields() {}

  /**
   * The email address, mended or null.
   *
   * @param notes where to say what was mended or dropped; may be null
   */
  static String email(String raw, List<String> notes) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String email = raw.strip();
    if (email.toLowerCase().startsWith("mailto:")) {
      email = email.substring("mailto:".length());
    }
    while (email.endsWith(".")) {
      email = email.substring(0, email.length() - 1);
    }
    if (EMAIL.matcher(email).matches()) {
      if (!email.equals(raw) && notes != null) {
        notes.add("email address '" + Json.shorten(raw) + "' mended to '" + email + "'");
      }
      return email;
    }
    if (notes != null) {
      notes.add("email address '" + Json.shorten(raw) + "' is not an email address; left out");
    }
    return null;
  }
}

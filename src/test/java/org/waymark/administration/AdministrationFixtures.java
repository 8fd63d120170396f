package org.waymark.administration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.waymark.identity.Role;
import org.waymark.support.WebSession;

/** Unique names and small helpers for the administration tests, which share one database. */
final class AdministrationFixtures {

  static final UUID DEPLOYMENT = new UUID(0, 0);
  static final String GOOD_PASSWORD = "river-lantern-meadow-42";

  /** Every role but administrator: none of them may reach an administration page. */
  static final List<Role> EVERY_OTHER_ROLE =
      Arrays.stream(Role.values()).filter(r -> r != Role.ADMINISTRATOR).toList();

  private AdministrationFixtures() {}

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** An ODS code no other test uses: a letter then eight hex digits. */
  static String odsCode() {
    return "Z" + suffix().toUpperCase(Locale.ROOT);
  }

  static String email(String local) {
    return local + "-" + suffix() + "@admin.waymark.test";
  }

  /** Form fields from name, value pairs, in order. */
  static Map<String, String> form(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** The id at the end of a redirect such as {@code /admin/users/<id>}. */
  static UUID idFrom(WebSession.Page redirect) {
    String location = redirect.location();
    return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
  }

  /** The path of a redirect, without scheme and host. */
  static String path(WebSession.Page redirect) {
    String location = redirect.location();
    int start = location.indexOf("/", location.indexOf("//") + 2);
    return location.startsWith("/") ? location : location.substring(start);
  }
}

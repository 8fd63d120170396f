package org.waymark.support;

import java.util.Map;
import org.waymark.identity.Role;

/** The demo accounts the demo data creates, one per role. */
public final class DemoAccounts {

  public static final String PASSWORD = "test-demo-password-2026";

  public static final Map<Role, String> BY_ROLE =
      Map.of(
          Role.ADMINISTRATOR, "admin@demo.waymark.test",
          Role.SERVICE_MANAGER, "manager@demo.waymark.test",
          Role.LINK_WORKER, "linkworker@demo.waymark.test",
          Role.REFERRER, "referrer@demo.waymark.test",
          Role.VCS_COORDINATOR, "vcs@demo.waymark.test",
          Role.COMMISSIONER, "commissioner@demo.waymark.test",
          Role.RESEARCHER, "researcher@demo.waymark.test");

  private DemoAccounts() {}

  public static String email(Role role) {
    return BY_ROLE.get(role);
  }
}

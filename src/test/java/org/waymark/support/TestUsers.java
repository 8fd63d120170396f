package org.waymark.support;

import java.util.UUID;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;

/**
 * Makes fresh accounts for tests that must not disturb the demo accounts (failed sign-ins lock an
 * account; disabling ends its sessions). Runs as the system, outside any request.
 */
public final class TestUsers {

  public static final String PASSWORD = "a-long-test-password-for-waymark";

  private TestUsers() {}

  /** A new enabled account with one membership, and a unique email. */
  public static UserAccount create(IdentityManagement identity, UUID organisationId, Role role) {
    String email = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    UserAccount user = identity.createUser(email, "Test " + role.label(), PASSWORD);
    identity.addMembership(user.id(), organisationId, role);
    return identity.user(user.id()).orElseThrow();
  }

  /** A made-up caller address (IPv6 documentation range), different on every call. */
  public static String freshAddress() {
    return "2001:db8::"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff));
  }
}

package org.waymark.support;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Membership;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;

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

  /**
   * Runs work as this user acting for this organisation, as a signed-in request would (outside any
   * request).
   */
  public static <T> T as(UserAccount account, UUID organisationId, Supplier<T> work) {
    Membership acting =
        account.memberships().stream()
            .filter(m -> m.organisationId().equals(organisationId))
            .findFirst()
            .orElseThrow();
    WaymarkUser user =
        new WaymarkUser(
            account.id(),
            account.email(),
            account.displayName(),
            null,
            true,
            account.memberships(),
            acting);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** Runs work as this user acting in their first membership. */
  public static <T> T as(UserAccount account, Supplier<T> work) {
    return as(account, account.memberships().get(0).organisationId(), work);
  }

  /** A made-up caller address (IPv6 documentation range), different on every call. */
  public static String freshAddress() {
    return "2001:db8::"
        + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff));
  }
}

package org.waymark.identity.internal;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.waymark.identity.Membership;
import org.waymark.identity.WaymarkUser;

/**
 * Loads an account and its memberships for sign-in; the user first acts in their first membership.
 */
@Service
class WaymarkUserDetailsService implements UserDetailsService {

  private final UserStore users;

  WaymarkUserDetailsService(UserStore users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    UserStore.Credentials c =
        users
            .credentials(username)
            .orElseThrow(() -> new UsernameNotFoundException("Unknown account"));
    return principal(c, c.passwordHash());
  }

  /**
   * The principal for an account found by other means (OpenID Connect sign-in): the same user a
   * password sign-in makes, with no password.
   */
  WaymarkUser principal(UserStore.Credentials c) {
    return principal(c, null);
  }

  private WaymarkUser principal(UserStore.Credentials c, String passwordHash) {
    List<Membership> memberships = users.memberships(c.id());
    return new WaymarkUser(
        c.id(),
        c.email(),
        c.displayName(),
        passwordHash,
        c.enabled(),
        memberships,
        memberships.isEmpty() ? null : memberships.get(0));
  }
}

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
    List<Membership> memberships = users.memberships(c.id());
    return new WaymarkUser(
        c.id(),
        c.email(),
        c.displayName(),
        c.passwordHash(),
        c.enabled(),
        memberships,
        memberships.isEmpty() ? null : memberships.get(0));
  }
}

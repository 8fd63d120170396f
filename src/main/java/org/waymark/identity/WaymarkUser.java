package org.waymark.identity;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.waymark.shared.ActingUser;

/**
 * The signed-in user: their memberships and the one they act in now. Immutable; choosing another
 * organisation makes a new principal. Stored in the session, so it holds no password after sign-in.
 */
public final class WaymarkUser implements UserDetails, CredentialsContainer, ActingUser {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID userId;
  private final String email;
  private final String displayName;
  private String passwordHash;
  private final boolean enabled;
  private final List<Membership> memberships;
  private final Membership acting;

  public WaymarkUser(
      UUID userId,
      String email,
      String displayName,
      String passwordHash,
      boolean enabled,
      List<Membership> memberships,
      Membership acting) {
    this.userId = userId;
    this.email = email;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.enabled = enabled;
    this.memberships = List.copyOf(memberships);
    this.acting = acting;
  }

  /** The same user acting in another of their memberships. */
  public WaymarkUser actingAs(Membership membership) {
    if (!memberships.contains(membership)) {
      throw new IllegalArgumentException("Not one of this user's memberships");
    }
    return new WaymarkUser(userId, email, displayName, null, enabled, memberships, membership);
  }

  public List<Membership> memberships() {
    return memberships;
  }

  /** The membership the user acts in now, empty if they have none. */
  public Optional<Membership> acting() {
    return Optional.ofNullable(acting);
  }

  public Optional<Role> actingRole() {
    return acting().map(Membership::role);
  }

  public boolean hasSeveralMemberships() {
    return memberships.size() > 1;
  }

  @Override
  public UUID userId() {
    return userId;
  }

  @Override
  public String username() {
    return email;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public UUID organisationId() {
    return acting == null ? null : acting.organisationId();
  }

  @Override
  public String organisationName() {
    return acting == null ? null : acting.organisationName();
  }

  @Override
  public String role() {
    return acting == null ? null : acting.role().name();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities = new ArrayList<>();
    if (acting != null) {
      authorities.add(new SimpleGrantedAuthority(acting.role().authority()));
    }
    return authorities;
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return email;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WaymarkUser other && other.userId.equals(userId);
  }

  @Override
  public int hashCode() {
    return userId.hashCode();
  }

  @Override
  public String toString() {
    return "WaymarkUser[" + email + "]";
  }
}

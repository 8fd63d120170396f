package org.waymark.fhir.internal;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.waymark.fhir.FhirClient;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;

/**
 * A request from a registered FHIR client: the principal is the account the client acts as (so
 * access checks and the audit log treat it as that account), and the token's scopes say which
 * resources and operations it may use.
 */
final class FhirClientAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final WaymarkUser user;
  private final FhirClient client;
  private final Set<String> scopes;

  FhirClientAuthentication(WaymarkUser user, FhirClient client, Set<String> scopes) {
    super(authorities(user, scopes));
    this.user = user;
    this.client = client;
    this.scopes = Set.copyOf(scopes);
    setAuthenticated(true);
  }

  private static List<GrantedAuthority> authorities(WaymarkUser user, Set<String> scopes) {
    List<GrantedAuthority> all = new ArrayList<>(user.getAuthorities());
    scopes.forEach(s -> all.add(new SimpleGrantedAuthority("SCOPE_" + s)));
    return all;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public WaymarkUser getPrincipal() {
    return user;
  }

  @Override
  public String getName() {
    return user.username();
  }

  FhirClient client() {
    return client;
  }

  /**
   * Whether the client acts for a link worker service (a PCN's system): it reads the service's own
   * records, where other clients read only what their referrals gave.
   */
  boolean actsForService() {
    return user.actingRole().map(r -> r == Role.SERVICE_MANAGER).orElse(false);
  }

  Set<String> scopes() {
    return scopes;
  }

  /**
   * Whether the scopes allow this operation on this resource type: {@code system/Type.read}, {@code
   * system/Type.write}, with {@code *} for every type or both operations.
   */
  boolean allows(String resourceType, boolean write) {
    String op = write ? "write" : "read";
    for (String s : scopes) {
      if (!s.startsWith("system/")) {
        continue;
      }
      String rest = s.substring("system/".length());
      int dot = rest.lastIndexOf('.');
      if (dot < 0) {
        continue;
      }
      String type = rest.substring(0, dot);
      String ops = rest.substring(dot + 1);
      if ((type.equals("*") || type.equals(resourceType)) && (ops.equals("*") || ops.equals(op))) {
        return true;
      }
    }
    return false;
  }
}

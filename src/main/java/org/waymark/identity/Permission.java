package org.waymark.identity;

import static org.waymark.identity.Role.ADMINISTRATOR;
import static org.waymark.identity.Role.LINK_WORKER;
import static org.waymark.identity.Role.SERVICE_MANAGER;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do. Every web endpoint names one permission ({@link RequiresPermission}); records
 * add a relationship check on top ({@link AccessPolicy#require}). This table is the role half of
 * every access decision.
 */
public enum Permission {
  /** Pages every signed-in user has: home, choosing an organisation. */
  SIGNED_IN(EnumSet.allOf(Role.class)),
  ADMINISTER_ORGANISATIONS(EnumSet.of(ADMINISTRATOR)),
  ADMINISTER_USERS(EnumSet.of(ADMINISTRATOR)),
  READ_AUDIT_LOG(EnumSet.of(ADMINISTRATOR)),
  /** A person's access report, for a Caldicott guardian or a subject access request. */
  READ_PERSON_ACCESS_REPORT(EnumSet.of(ADMINISTRATOR)),
  READ_PERSON(EnumSet.of(LINK_WORKER, SERVICE_MANAGER)),
  WRITE_PERSON(EnumSet.of(LINK_WORKER, SERVICE_MANAGER));

  private final Set<Role> roles;

  Permission(Set<Role> roles) {
    this.roles = Set.copyOf(roles);
  }

  /** The roles that hold this permission. */
  public Set<Role> roles() {
    return roles;
  }

  public boolean grantedTo(Role role) {
    return roles.contains(role);
  }
}

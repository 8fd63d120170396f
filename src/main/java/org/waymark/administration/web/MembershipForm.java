package org.waymark.administration.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.waymark.identity.Role;

/** A role to give a user in an organisation. */
class MembershipForm {

  @NotNull(message = "{administration.membership.organisation.required}")
  private UUID organisationId;

  @NotNull(message = "{administration.membership.role.required}")
  private Role role;

  public UUID getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(UUID organisationId) {
    this.organisationId = organisationId;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }
}

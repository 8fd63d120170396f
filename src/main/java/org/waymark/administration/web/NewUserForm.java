package org.waymark.administration.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.waymark.identity.Role;

/**
 * A new user account and, optionally, its first membership. The identity module checks the email
 * address and the password against its policy.
 */
class NewUserForm {

  @NotBlank(message = "{user.displayName.required}")
  @Size(max = 200, message = "{administration.user.displayName.tooLong}")
  private String displayName;

  @NotBlank(message = "{administration.user.email.required}")
  @Size(max = 320, message = "{user.email.invalid}")
  private String email;

  private String password;

  private UUID organisationId;

  private Role role;

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

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

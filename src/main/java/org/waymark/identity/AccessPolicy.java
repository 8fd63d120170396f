package org.waymark.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.internal.OrganisationStore;

/**
 * The one place that answers "may the signed-in user do this to this record": the role half from
 * {@link Permission}, the relationship half from the organisation the record belongs to. A link
 * worker or manager acting for a PCN reaches records of the PCN and its member practices; anyone
 * else only records of the organisation they act for; administrators act for the whole deployment.
 * Later modules add caseload and referral-target relationships here.
 */
@Component("access")
public class AccessPolicy {

  private final OrganisationStore organisations;
  private final AuditLog audit;

  AccessPolicy(OrganisationStore organisations, AuditLog audit) {
    this.organisations = organisations;
    this.audit = audit;
  }

  /** The signed-in user, empty when nobody is signed in. */
  public Optional<WaymarkUser> currentUser() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof WaymarkUser user
        ? Optional.of(user)
        : Optional.empty();
  }

  /** The role half: does the signed-in user's acting role hold the permission? */
  public boolean may(Permission permission) {
    Optional<WaymarkUser> user = currentUser();
    if (user.isEmpty()) {
      return false;
    }
    if (permission == Permission.SIGNED_IN) {
      return true;
    }
    return user.get().actingRole().map(permission::grantedTo).orElse(false);
  }

  /** Role and relationship: may the user do this to a record that belongs to this organisation? */
  public boolean may(Permission permission, UUID recordOrganisationId) {
    if (!may(permission) || recordOrganisationId == null) {
      return false;
    }
    WaymarkUser user = currentUser().orElseThrow();
    if (user.actingRole().orElseThrow() == Role.ADMINISTRATOR) {
      return true;
    }
    UUID acting = user.organisationId();
    if (acting.equals(recordOrganisationId)) {
      return true;
    }
    return organisations
        .find(recordOrganisationId)
        .map(o -> acting.equals(o.parentId()))
        .orElse(false);
  }

  /**
   * Like {@link #may(Permission, UUID)}, but a refusal is audited (with the record and person) and
   * thrown as {@link AccessDeniedException}.
   *
   * @param personId the person the record is about; may be null
   */
  public void require(
      Permission permission,
      UUID recordOrganisationId,
      String recordType,
      Object recordId,
      UUID personId) {
    if (!may(permission, recordOrganisationId)) {
      audit.recordIndependently(
          AuditEntry.refused(permission.name(), recordType, recordId, personId));
      throw new AuditedAccessDeniedException();
    }
  }

  /** A refusal that has already been written to the audit log. */
  public static class AuditedAccessDeniedException extends AccessDeniedException {
    public AuditedAccessDeniedException() {
      super("Access refused");
    }
  }
}

package org.waymark.casework.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;

/**
 * The relationship half of casework access. A service manager reaches every case of the PCN they
 * act for; a link worker reaches the cases they hold, and may read (not change) colleagues' cases
 * when the service shows team caseloads. Nobody else reaches a case. Refusals are audited.
 */
@Component
public class CaseAccess {

  private final AccessPolicy access;
  private final CaseStore cases;
  private final AuditLog audit;

  CaseAccess(AccessPolicy access, CaseStore cases, AuditLog audit) {
    this.access = access;
    this.cases = cases;
    this.audit = audit;
  }

  public boolean mayRead(CaseFile c) {
    if (!access.may(Permission.READ_CASEWORK, c.organisationId())) {
      return false;
    }
    WaymarkUser user = access.currentUser().orElseThrow();
    Role role = user.actingRole().orElseThrow();
    if (role == Role.SERVICE_MANAGER) {
      return true;
    }
    return user.userId().equals(c.linkWorkerId()) || cases.teamCaseloadsVisible(c.organisationId());
  }

  public boolean mayWrite(CaseFile c) {
    if (!access.may(Permission.WRITE_CASEWORK, c.organisationId())) {
      return false;
    }
    WaymarkUser user = access.currentUser().orElseThrow();
    return user.actingRole().orElseThrow() == Role.SERVICE_MANAGER
        || user.userId().equals(c.linkWorkerId());
  }

  /** Throws (and audits) unless the user may read the case. */
  public void requireRead(CaseFile c) {
    if (!mayRead(c)) {
      refuse("CASE_READ", c);
    }
  }

  /** Throws (and audits) unless the user may change the case. */
  public void requireWrite(CaseFile c) {
    if (!mayWrite(c)) {
      refuse("CASE_WRITE", c);
    }
  }

  /** The signed-in user's id. */
  public UUID currentUserId() {
    return access.currentUser().orElseThrow().userId();
  }

  private void refuse(String action, CaseFile c) {
    audit.recordIndependently(AuditEntry.refused(action, "case", c.id(), c.personId()));
    throw new AccessPolicy.AuditedAccessDeniedException();
  }
}

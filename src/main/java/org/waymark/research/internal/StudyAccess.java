package org.waymark.research.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.research.Study;
import org.waymark.research.StudyRole;

/**
 * Who reaches a study: researchers acting for the organisation that runs it who are members of its
 * team; changing its set-up needs a role that sets it up. Refusals are audited.
 */
@Component
public class StudyAccess {

  private final AccessPolicy access;
  private final StudyStore store;
  private final AuditLog audit;

  StudyAccess(AccessPolicy access, StudyStore store, AuditLog audit) {
    this.access = access;
    this.store = store;
    this.audit = audit;
  }

  /** The signed-in user, who must hold the research permission for the organisation acted for. */
  public WaymarkUser researcher() {
    if (!access.may(Permission.RESEARCH)) {
      refuse("STUDY_LIST", null);
    }
    return access.currentUser().orElseThrow();
  }

  /** The user's role on the study; refused (and audited) if they are not on its team. */
  public StudyRole requireMember(Study study) {
    if (!access.may(Permission.RESEARCH, study.organisationId())) {
      refuse("STUDY_READ", study.id());
    }
    UUID user = access.currentUser().orElseThrow().userId();
    return store
        .roleOf(study.organisationId(), study.id(), user)
        .orElseGet(
            () -> {
              refuse("STUDY_READ", study.id());
              return null;
            });
  }

  /** Like {@link #requireMember}, and the role must set the study up. */
  public StudyRole requireSetUp(Study study) {
    StudyRole role = requireMember(study);
    if (!role.setsUp()) {
      refuse("STUDY_SET_UP", study.id());
    }
    return role;
  }

  /** Like {@link #requireMember}, and the role must be one of these. */
  public StudyRole requireRole(Study study, String action, StudyRole... roles) {
    StudyRole role = requireMember(study);
    if (!java.util.Arrays.asList(roles).contains(role)) {
      refuse(action, study.id());
    }
    return role;
  }

  private void refuse(String action, UUID studyId) {
    audit.recordIndependently(AuditEntry.refused(action, "study", studyId, null));
    throw new AccessPolicy.AuditedAccessDeniedException();
  }
}

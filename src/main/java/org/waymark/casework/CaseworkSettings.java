package org.waymark.casework;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.internal.CaseloadStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;

/** The casework settings of the PCN the signed-in manager acts for. */
@Service
public class CaseworkSettings {

  private final CaseloadStore store;
  private final AccessPolicy access;
  private final AuditLog audit;

  CaseworkSettings(CaseloadStore store, AccessPolicy access, AuditLog audit) {
    this.store = store;
    this.access = access;
    this.audit = audit;
  }

  /**
   * The settings as they are now (the defaults if never saved).
   *
   * @throws org.springframework.security.access.AccessDeniedException unless the user manages
   *     casework for the organisation they act for (audited)
   */
  @Transactional(readOnly = true)
  public ServiceSettings current() {
    return store.settings(managedOrganisation());
  }

  /**
   * Changes the settings. Audited as {@code CASEWORK_SETTINGS_CHANGED}.
   *
   * @param version the version the manager saw
   * @throws CaseworkValidationException if {@code missedContactsBeforeReview} is not 1 to 10
   * @throws CaseworkConflictException if another manager changed them first; nothing is written
   */
  @Transactional
  public ServiceSettings change(
      long version, boolean teamCaseloadsVisible, int missedContactsBeforeReview) {
    UUID organisationId = managedOrganisation();
    if (missedContactsBeforeReview < 1 || missedContactsBeforeReview > 10) {
      throw new CaseworkValidationException(
          "missedContactsBeforeReview", "casework.settings.missedContacts.range");
    }
    if (!store.saveSettings(
        organisationId, version, teamCaseloadsVisible, missedContactsBeforeReview)) {
      throw new CaseworkConflictException("The settings were changed by someone else");
    }
    audit.record(
        AuditEntry.allowed("CASEWORK_SETTINGS_CHANGED", "casework_setting", organisationId, null)
            .withDetail(
                "teamCaseloadsVisible="
                    + teamCaseloadsVisible
                    + " missedContactsBeforeReview="
                    + missedContactsBeforeReview));
    return store.settings(organisationId);
  }

  private UUID managedOrganisation() {
    UUID organisationId = access.currentUser().map(WaymarkUser::organisationId).orElse(null);
    access.require(
        Permission.MANAGE_CASEWORK, organisationId, "casework_setting", organisationId, null);
    return organisationId;
  }
}

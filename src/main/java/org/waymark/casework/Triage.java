package org.waymark.casework;

import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralConflictException;
import org.waymark.referral.Referrals;

/**
 * Triage's one decision that spans modules: accepting a referral and opening its case for a link
 * worker, both or neither. Declining and asking for more information are {@link Referrals}' own.
 */
@Service
public class Triage {

  private final Referrals referrals;
  private final CaseStore cases;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  Triage(
      Referrals referrals,
      CaseStore cases,
      IdentityManagement identity,
      AccessPolicy access,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.referrals = referrals;
    this.cases = cases;
    this.identity = identity;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  /**
   * Accepts a waiting referral and opens its case, allocated to a link worker of the PCN that
   * received it, in one transaction. The case carries the referral's arrival time and needs.
   * Audited as {@code CASE_OPENED}; publishes {@link CaseOpened}.
   *
   * @param version the referral's version as the manager saw it
   * @throws CaseworkValidationException if the link worker is not a link worker of that PCN (field
   *     {@code linkWorkerId}); nothing is written
   * @throws ReferralConflictException if another decision came first; nothing is written
   * @throws org.waymark.shared.RecordNotFoundException if there is no such referral
   * @throws org.springframework.security.access.AccessDeniedException if the user may not triage
   *     the PCN's referrals (audited)
   */
  @Transactional
  public CaseFile accept(UUID referralId, long version, UUID linkWorkerId) {
    Referral r = referrals.find(referralId);
    access.require(
        Permission.TRIAGE_REFERRALS, r.organisationId(), "referral", referralId, r.personId());
    boolean linkWorkerOfPcn =
        linkWorkerId != null
            && identity.usersWithRole(r.organisationId(), Role.LINK_WORKER).stream()
                .anyMatch(u -> u.id().equals(linkWorkerId));
    if (!linkWorkerOfPcn) {
      throw new CaseworkValidationException("linkWorkerId", "casework.triage.linkWorker.invalid");
    }
    referrals.accept(referralId, version);
    UUID caseId = UUID.randomUUID();
    UUID by = access.currentUser().orElseThrow().userId();
    cases.insert(
        r.organisationId(),
        caseId,
        referralId,
        r.personId(),
        linkWorkerId,
        by,
        r.receivedAt(),
        r.needs());
    audit.record(
        AuditEntry.allowed("CASE_OPENED", "case", caseId, r.personId())
            .withDetail("referral=" + referralId + " linkWorker=" + linkWorkerId));
    CaseFile opened = cases.find(caseId).orElseThrow();
    events.publishEvent(
        new CaseOpened(
            caseId, r.organisationId(), referralId, r.personId(), linkWorkerId, Instant.now()));
    return opened;
  }
}

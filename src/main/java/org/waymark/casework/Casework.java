package org.waymark.casework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.shared.RecordNotFoundException;

/**
 * The casework module's API for other modules (connections, outcomes, reporting): reading a case
 * with the same access rules and auditing as the case page.
 */
@Service
public class Casework {

  private final CaseStore cases;
  private final CaseAccess access;
  private final AuditLog audit;
  private final AccessPolicy policy;

  Casework(CaseStore cases, CaseAccess access, AuditLog audit, AccessPolicy policy) {
    this.cases = cases;
    this.access = access;
    this.audit = audit;
    this.policy = policy;
  }

  /**
   * One case. Audited as {@code CASE_READ}.
   *
   * @throws RecordNotFoundException if there is no such case
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read it
   *     (audited)
   */
  @Transactional
  public CaseFile find(UUID id) {
    CaseFile c = cases.find(id).orElseThrow(() -> new RecordNotFoundException("case"));
    access.requireRead(c);
    audit.record(AuditEntry.allowed("CASE_READ", "case", id, c.personId()));
    return c;
  }

  /**
   * One case the signed-in user may change (the link worker who holds it, or a manager of its
   * service); audited as {@code CASE_READ}. The case may be closed: callers check {@link
   * CaseFile#isOpen()}.
   *
   * @throws RecordNotFoundException if there is no such case
   * @throws org.springframework.security.access.AccessDeniedException if the user may not change it
   *     (audited)
   */
  @Transactional
  public CaseFile findWritable(UUID id) {
    CaseFile c = find(id);
    access.requireWrite(c);
    return c;
  }

  /** Whether the signed-in user may change this case (it may be closed). */
  public boolean mayWrite(CaseFile c) {
    return access.mayWrite(c);
  }

  /**
   * The case opened from a referral, if it was accepted; checked and audited like {@link #find}.
   */
  @Transactional
  public Optional<CaseFile> forReferral(UUID organisationId, UUID referralId) {
    return cases.forReferral(organisationId, referralId).map(c -> find(c.id()));
  }

  /**
   * A person's cases held by the organisation the user acts for, newest first, those the user may
   * read; each audited as {@code CASE_READ}. Empty if the user may read none.
   *
   * @throws org.springframework.security.access.AccessDeniedException if the user may not read
   *     casework at all (audited)
   */
  @Transactional
  public List<CaseFile> forPerson(UUID personId) {
    UUID organisationId = policy.currentUser().map(u -> u.organisationId()).orElse(null);
    policy.require(Permission.READ_CASEWORK, organisationId, "person", personId, personId);
    List<CaseFile> found = new java.util.ArrayList<>();
    for (CaseFile c : cases.forPerson(organisationId, personId)) {
      if (access.mayRead(c)) {
        audit.record(AuditEntry.allowed("CASE_READ", "case", c.id(), c.personId()));
        found.add(c);
      }
    }
    return found;
  }
}

package org.waymark.audit;

import java.util.UUID;

/**
 * What to record. {@code recordType}, {@code recordId}, {@code personId} and {@code detail} may be
 * null.
 *
 * @param action what was done, for example {@code PERSON_READ} or {@code SIGN_IN_FAILED}
 * @param recordType the kind of record, for example {@code person}
 * @param recordId the record's id
 * @param personId the person the record is about, if any
 * @param detail a short note; never personal data beyond ids
 */
public record AuditEntry(
    String action,
    AuditOutcome outcome,
    String recordType,
    String recordId,
    UUID personId,
    String detail) {

  public static AuditEntry allowed(
      String action, String recordType, Object recordId, UUID personId) {
    return new AuditEntry(action, AuditOutcome.ALLOWED, recordType, str(recordId), personId, null);
  }

  public static AuditEntry refused(
      String action, String recordType, Object recordId, UUID personId) {
    return new AuditEntry(action, AuditOutcome.REFUSED, recordType, str(recordId), personId, null);
  }

  public AuditEntry withDetail(String text) {
    return new AuditEntry(action, outcome, recordType, recordId, personId, text);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}

package org.waymark.audit;

/** Whether the audited action was allowed or refused. */
public enum AuditOutcome {
  ALLOWED,
  REFUSED
}

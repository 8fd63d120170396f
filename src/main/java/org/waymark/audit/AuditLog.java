package org.waymark.audit;

import java.util.List;
import java.util.UUID;

/** The audit module's API: record entries and read them back. Entries can never be changed. */
public interface AuditLog {

  /** The organisation anonymous entries belong to: the deployment itself. */
  UUID DEPLOYMENT = new UUID(0, 0);

  /**
   * Records an entry for the signed-in user (from the security context) and the current request's
   * address and id. With nobody signed in, the entry is recorded as anonymous.
   */
  void record(AuditEntry entry);

  /** Records an entry for an explicit actor, for example a failed sign-in. */
  void record(AuditActor actor, AuditEntry entry);

  /**
   * Records an entry in its own transaction, so it stays even if the caller's work is rolled back.
   */
  void recordIndependently(AuditEntry entry);

  /** Searches the log, newest first. */
  AuditPage search(AuditQuery query);

  /** Every entry about one person, newest first: the person's access report. */
  List<AuditEvent> forPerson(UUID personId);

  /**
   * The distinct actions recorded so far, in alphabetical order, for example to offer them as a
   * search filter. Never null; empty when nothing has been recorded.
   */
  List<String> actions();
}

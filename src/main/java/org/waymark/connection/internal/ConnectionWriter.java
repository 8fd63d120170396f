package org.waymark.connection.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.connection.AttendanceRecorded;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionChange;
import org.waymark.connection.ConnectionConflictException;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.ConnectionStatusChanged;
import org.waymark.connection.HistoryEntry;
import org.waymark.connection.internal.ConnectionAccess.Side;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.UserAccount;

/**
 * Writes connections and their history and publishes their events, inside the caller's transaction.
 * Rules and access are checked by the caller ({@link org.waymark.connection.Connections}).
 */
@Component
public class ConnectionWriter {

  private final ConnectionStore store;
  private final IdentityManagement identity;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  ConnectionWriter(
      ConnectionStore store,
      IdentityManagement identity,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.store = store;
    this.identity = identity;
    this.audit = audit;
    this.events = events;
  }

  public ConnectionStore store() {
    return store;
  }

  public void insert(Connection c) {
    store.insert(c);
    store.addHistory(
        c.organisationId(),
        c.id(),
        ConnectionStatus.REQUESTED,
        null,
        null,
        "Sent " + c.method().phrase(),
        Side.REQUESTER.name(),
        c.requestedBy(),
        c.requestedAt());
  }

  public Connection changeStatus(
      Connection c, long version, ConnectionChange change, Side side, Instant now) {
    if (c.version() != version) {
      throw new ConnectionConflictException();
    }
    ConnectionStatus to = change.to();
    boolean answering =
        c.status() == ConnectionStatus.REQUESTED && to != ConnectionStatus.CANCELLED;
    Connection changed =
        c.changed(
            to,
            to.needsReason() ? change.reason() : null,
            to.needsReason() ? strip(change.detail()) : null,
            answering ? now : c.answeredAt(),
            c.firstSessionOn(),
            c.sessionsAttended(),
            to == ConnectionStatus.COMPLETED ? strip(change.outcome()) : c.outcomeSummary(),
            now);
    save(c, changed, version);
    store.addHistory(
        c.organisationId(),
        c.id(),
        to,
        changed.statusReason(),
        changed.statusDetail(),
        to == ConnectionStatus.COMPLETED ? changed.outcomeSummary() : onBehalf(side),
        side == Side.REQUESTER ? "REQUESTER" : "PERFORMER",
        currentUser(),
        now);
    audit.record(
        AuditEntry.allowed("CONNECTION_CHANGED", "connection", c.id(), c.personId())
            .withDetail(c.status().name() + " to " + to.name()));
    publish(c, changed, now);
    return changed;
  }

  public Connection recordAttendance(
      Connection c,
      long version,
      LocalDate firstSessionOn,
      int sessionsAttended,
      Side side,
      Instant now) {
    if (c.version() != version) {
      throw new ConnectionConflictException();
    }
    boolean starts =
        sessionsAttended > 0
            && (c.status() == ConnectionStatus.ACCEPTED || c.status() == ConnectionStatus.ON_HOLD);
    ConnectionStatus to = starts ? ConnectionStatus.IN_PROGRESS : c.status();
    Connection changed =
        c.changed(
            to,
            starts ? null : c.statusReason(),
            starts ? null : c.statusDetail(),
            c.answeredAt(),
            firstSessionOn,
            sessionsAttended,
            c.outcomeSummary(),
            starts ? now : c.statusChangedAt());
    save(c, changed, version);
    String note =
        "Attendance: "
            + sessionsAttended
            + (sessionsAttended == 1 ? " session" : " sessions")
            + (firstSessionOn == null
                ? ""
                : ", first on " + org.waymark.connection.ConnectionText.date(firstSessionOn));
    store.addHistory(
        c.organisationId(),
        c.id(),
        to,
        null,
        null,
        side == Side.ON_BEHALF ? note + " (recorded by the link worker for the service)" : note,
        side == Side.REQUESTER ? "REQUESTER" : "PERFORMER",
        currentUser(),
        now);
    audit.record(
        AuditEntry.allowed("CONNECTION_CHANGED", "connection", c.id(), c.personId())
            .withDetail("attendance"));
    events.publishEvent(
        new AttendanceRecorded(
            c.id(),
            c.organisationId(),
            c.personId(),
            c.serviceId(),
            firstSessionOn,
            sessionsAttended,
            now));
    if (starts) {
      publish(c, changed, now);
    }
    return changed;
  }

  /** A system note in the history (a reminder sent, a deadline passed). */
  public void systemNote(Connection c, String note, Instant at) {
    store.addHistory(c.organisationId(), c.id(), c.status(), null, null, note, "SYSTEM", null, at);
  }

  public List<HistoryEntry> history(Connection c) {
    return store.history(c.organisationId(), c.id()).stream()
        .map(
            h ->
                new HistoryEntry(
                    h.status(),
                    h.reason(),
                    h.detail(),
                    h.note(),
                    h.side(),
                    h.by() == null
                        ? null
                        : identity.user(h.by()).map(UserAccount::displayName).orElse("Unknown"),
                    h.at()))
        .toList();
  }

  private void save(Connection before, Connection after, long version) {
    if (!store.update(after, version)) {
      throw new ConnectionConflictException();
    }
  }

  private void publish(Connection before, Connection after, Instant now) {
    events.publishEvent(
        new ConnectionStatusChanged(
            after.id(),
            after.organisationId(),
            after.caseId(),
            after.referralId(),
            after.personId(),
            after.serviceId(),
            after.serviceHolderId(),
            before.status(),
            after.status(),
            after.statusReason(),
            now));
  }

  private static String onBehalf(Side side) {
    return side == Side.ON_BEHALF ? "Recorded by the link worker for the service" : null;
  }

  private UUID currentUser() {
    var auth =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    return auth != null && auth.getPrincipal() instanceof org.waymark.identity.WaymarkUser u
        ? u.userId()
        : null;
  }

  private static String strip(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

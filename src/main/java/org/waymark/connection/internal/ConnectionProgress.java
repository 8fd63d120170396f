package org.waymark.connection.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseConnections;
import org.waymark.casework.Casework;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.ConnectionText;
import org.waymark.connection.Signpost;
import org.waymark.referral.ReferralConnections;

/**
 * What other modules show of connections: whether the person was connected (for the referrer, who
 * learns nothing more) and one line per service for the discharge summary. The callers have already
 * checked that the user may read the referral or close the case.
 */
@Component
class ConnectionProgress implements ReferralConnections, CaseConnections {

  private final JdbcClient jdbc;
  private final ConnectionStore store;
  private final Casework casework;

  ConnectionProgress(JdbcClient jdbc, ConnectionStore store, Casework casework) {
    this.jdbc = jdbc;
    this.store = store;
    this.casework = casework;
  }

  @Override
  public Optional<LocalDate> connectedSince(UUID organisationId, UUID referralId) {
    return jdbc
        .sql(
            """
                SELECT min(answered_at AT TIME ZONE 'Europe/London')::date FROM connection
                WHERE organisation_id = ? AND referral_id = ?
                  AND status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED')
                """)
        .params(organisationId, referralId)
        .query((rs, n) -> rs.getDate(1))
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .map(Date::toLocalDate)
        .findFirst();
  }

  @Override
  public List<String> forDischargeSummary(UUID organisationId, UUID referralId) {
    record Line(LocalDate on, String text) {}
    List<Line> lines = new ArrayList<>();
    for (Connection c : store.forReferral(organisationId, referralId)) {
      lines.add(new Line(LocalDate.ofInstant(c.requestedAt(), ConnectionTimers.LONDON), line(c)));
    }
    casework
        .forReferral(organisationId, referralId)
        .ifPresent(
            caseFile -> {
              for (Signpost s : store.signposts(organisationId, caseFile.id())) {
                lines.add(
                    new Line(
                        s.givenOn(),
                        s.serviceName() + ": signposted " + ConnectionText.date(s.givenOn())));
              }
            });
    return lines.stream().sorted(Comparator.comparing(Line::on)).map(Line::text).toList();
  }

  @Override
  public List<String> openFor(UUID organisationId, UUID referralId) {
    return store.forReferral(organisationId, referralId).stream()
        .filter(Connection::isOpen)
        .map(
            c -> c.serviceName() + " (" + c.status().label().toLowerCase(java.util.Locale.UK) + ")")
        .toList();
  }

  static String line(Connection c) {
    StringBuilder s =
        new StringBuilder(c.serviceName())
            .append(": referred ")
            .append(ConnectionText.date(c.requestedAt()))
            .append(", ")
            .append(c.status().label().toLowerCase(java.util.Locale.UK));
    if (c.sessionsAttended() > 0) {
      s.append(" (")
          .append(c.sessionsAttended())
          .append(c.sessionsAttended() == 1 ? " session" : " sessions")
          .append(" attended)");
    }
    if (c.statusReason() != null) {
      s.append(": ").append(c.statusReason().label().toLowerCase(java.util.Locale.UK));
    }
    if (c.status() == ConnectionStatus.COMPLETED && c.outcomeSummary() != null) {
      s.append(". ").append(c.outcomeSummary());
    }
    return s.toString();
  }
}

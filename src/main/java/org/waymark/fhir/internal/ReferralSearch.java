package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.waymark.connection.Connection;
import org.waymark.connection.Connections;
import org.waymark.connection.ServiceInbox;
import org.waymark.identity.Role;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/**
 * What a search answers: a referring client's own referrals (by patient and time of last change),
 * or a performing client's received onward referrals.
 */
final class ReferralSearch {

  /** The most a search answers; a client polls with _lastUpdated to see everything. */
  static final int LIMIT = 500;

  private ReferralSearch() {}

  /** Whether the calling client answers onward referrals (a community service's system). */
  static boolean performer() {
    return ScopeInterceptor.current().getPrincipal().actingRole().orElse(null)
        == Role.VCS_COORDINATOR;
  }

  /**
   * The onward referrals to the services the client's organisation holds, newest first, each read
   * (and audited) as the service reads it, filtered by the time of their last change.
   */
  static List<Connection> received(
      ServiceInbox inbox, Connections connections, DateRangeParam lastUpdated) {
    Instant since = lower(lastUpdated);
    Instant until = upper(lastUpdated);
    List<Connection> found = new ArrayList<>();
    for (int page = 0; found.size() < LIMIT; page++) {
      ServiceInbox.ResultPage<ServiceInbox.InboxRow> rows =
          inbox.inbox(ServiceInbox.StatusGroup.ALL, null, page);
      if (rows.rows().isEmpty()) {
        break;
      }
      for (ServiceInbox.InboxRow row : rows.rows()) {
        Connection c = connections.findForService(row.id());
        if ((since == null || !c.statusChangedAt().isBefore(since))
            && (until == null || !c.statusChangedAt().isAfter(until))) {
          found.add(c);
        }
      }
    }
    return found;
  }

  private static Instant lower(DateRangeParam range) {
    Date d = range == null ? null : range.getLowerBoundAsInstant();
    return d == null ? null : d.toInstant();
  }

  private static Instant upper(DateRangeParam range) {
    Date d = range == null ? null : range.getUpperBoundAsInstant();
    return d == null ? null : d.toInstant();
  }

  static List<Referral> mine(
      Referrals referrals, ReferenceParam patient, DateRangeParam lastUpdated) {
    UUID personId = null;
    if (patient != null) {
      personId = Fhir.uuid(patient.getIdPart()).orElse(null);
      if (personId == null) {
        return List.of();
      }
    }
    Instant since = lower(lastUpdated);
    Instant end = upper(lastUpdated);
    return referrals.mine(personId, null, null, since, LIMIT).stream()
        .filter(r -> end == null || !r.statusChangedAt().isAfter(end))
        .toList();
  }
}

package org.waymark.reporting.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseClosed;
import org.waymark.casework.CaseOpened;
import org.waymark.casework.CaseReassigned;
import org.waymark.casework.ContactRecorded;
import org.waymark.connection.AttendanceRecorded;
import org.waymark.connection.ConnectionRequested;
import org.waymark.connection.ConnectionStatusChanged;
import org.waymark.outcome.OutcomeRecorded;
import org.waymark.person.PersonsMerged;
import org.waymark.referral.ReferralStatusChanged;
import org.waymark.reporting.ReportingRefresh;

/**
 * Marks a tenant changed when another module reports a change the dashboards count, in the
 * transaction of that change and on its connection: the mark commits with the change or not at all,
 * and never needs a second connection while the first is held (which, under load, would leave every
 * request waiting for a connection the others hold).
 */
@Component
class ReportingEvents {

  private final ReportingRefresh refresh;

  ReportingEvents(ReportingRefresh refresh) {
    this.refresh = refresh;
  }

  @EventListener
  void on(ReferralStatusChanged e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(CaseOpened e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(CaseClosed e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(CaseReassigned e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(ContactRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(ConnectionRequested e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(ConnectionStatusChanged e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(AttendanceRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(OutcomeRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @EventListener
  void on(PersonsMerged e) {
    refresh.markChanged(e.organisationId());
  }
}

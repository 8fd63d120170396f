package org.waymark.reporting.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
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
 * Marks a tenant changed when another module reports a change the dashboards count, after that
 * change has committed (so the mark never holds up, or rolls back, the change itself). A mark lost
 * to a crash between the two is caught by the nightly rebuild.
 */
@Component
class ReportingEvents {

  private final ReportingRefresh refresh;

  ReportingEvents(ReportingRefresh refresh) {
    this.refresh = refresh;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ReferralStatusChanged e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(CaseOpened e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(CaseClosed e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(CaseReassigned e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ContactRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ConnectionRequested e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(ConnectionStatusChanged e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(AttendanceRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(OutcomeRecorded e) {
    refresh.markChanged(e.organisationId());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(PersonsMerged e) {
    refresh.markChanged(e.organisationId());
  }
}

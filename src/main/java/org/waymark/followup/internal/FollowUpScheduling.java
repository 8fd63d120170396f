package org.waymark.followup.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseClosed;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseOpened;
import org.waymark.casework.CaseReassigned;
import org.waymark.casework.Casework;
import org.waymark.followup.CountsFrom;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpPlan;
import org.waymark.followup.FollowUpStatus;
import org.waymark.followup.PlanPoint;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.PersonsMerged;
import org.waymark.referral.Referrals;

/**
 * Schedules a case's follow-ups from its service's plan as it is at that moment, in the transaction
 * of the change (so a case never opens or closes without them): the points counted from the
 * referral when the case opens (from the day the referral was received), those counted from closure
 * when it closes. Follow-ups already scheduled keep their dates when the plan changes. A case
 * closed because the person died has its open follow-ups cancelled and gets no new ones. They move
 * with the case to another link worker, and with the person's record when two are merged.
 */
@Component
class FollowUpScheduling {

  /** The closure reason code for a person who died. */
  static final String DIED = "DIED";

  private static final Logger log = LoggerFactory.getLogger(FollowUpScheduling.class);

  private final FollowUpPlanStore plans;
  private final FollowUpStore store;
  private final Referrals referrals;
  private final Casework casework;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final Clock clock;

  FollowUpScheduling(
      FollowUpPlanStore plans,
      FollowUpStore store,
      Referrals referrals,
      Casework casework,
      AccessPolicy access,
      AuditLog audit,
      Optional<Clock> clock) {
    this.plans = plans;
    this.store = store;
    this.referrals = referrals;
    this.casework = casework;
    this.access = access;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  @EventListener
  void on(CaseOpened e) {
    LocalDate referred = FollowUpDates.day(referrals.find(e.referralId()).receivedAt());
    schedule(
        e.organisationId(),
        e.caseId(),
        e.personId(),
        e.linkWorkerId(),
        CountsFrom.REFERRAL,
        referred);
  }

  @EventListener
  void on(CaseClosed e) {
    if (DIED.equals(e.closureReason())) {
      int cancelled =
          store.cancelOpen(
              e.organisationId(),
              e.caseId(),
              access.currentUser().map(WaymarkUser::userId).orElse(null),
              clock.instant());
      if (cancelled > 0) {
        audit.record(
            AuditEntry.allowed("FOLLOW_UPS_CANCELLED", "case", e.caseId(), e.personId())
                .withDetail("cancelled=" + cancelled + " reason=" + e.closureReason()));
      }
      return;
    }
    CaseFile c = casework.find(e.caseId());
    schedule(
        e.organisationId(),
        e.caseId(),
        e.personId(),
        c.linkWorkerId(),
        CountsFrom.CLOSURE,
        FollowUpDates.day(e.at()));
  }

  @EventListener
  void on(CaseReassigned e) {
    store.moveLinkWorker(e.organisationId(), e.caseId(), e.toLinkWorkerId());
  }

  @EventListener
  void on(PersonsMerged merged) {
    store.movePerson(merged.organisationId(), merged.mergedId(), merged.keptId());
  }

  private void schedule(
      UUID organisationId,
      UUID caseId,
      UUID personId,
      UUID linkWorkerId,
      CountsFrom countsFrom,
      LocalDate from) {
    FollowUpPlan plan = plans.plan(organisationId);
    Instant now = clock.instant();
    int scheduled = 0;
    for (PlanPoint point : plan.points()) {
      if (point.countsFrom() != countsFrom) {
        continue;
      }
      FollowUpDates.Window w = FollowUpDates.window(point, from);
      FollowUp f =
          new FollowUp(
              UUID.randomUUID(),
              organisationId,
              caseId,
              personId,
              linkWorkerId,
              point.name(),
              countsFrom,
              from,
              w.opensOn(),
              w.targetOn(),
              w.closesOn(),
              FollowUpStatus.OPEN,
              0,
              null,
              null,
              0);
      if (store.insert(f, now)) {
        scheduled++;
      }
    }
    if (scheduled > 0) {
      audit.record(
          AuditEntry.allowed("FOLLOW_UPS_SCHEDULED", "case", caseId, personId)
              .withDetail("from=" + countsFrom + " on=" + from + " scheduled=" + scheduled));
      log.debug("Scheduled {} follow-ups for case {}", scheduled, caseId);
    }
  }
}

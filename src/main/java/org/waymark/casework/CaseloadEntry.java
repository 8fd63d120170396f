package org.waymark.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * One case on a caseload or the waiting list, with the person's name as the person record has it.
 *
 * @param personName null when the user may not see whose case it is (a colleague's case on the
 *     waiting list when team caseloads are not shown)
 * @param nhsNumber formatted 3-3-4; null when not recorded or not shown
 * @param firstContactAt null while awaiting first contact
 * @param needs {@code NEED} codes the referral named
 */
public record CaseloadEntry(
    UUID caseId,
    UUID personId,
    String personName,
    String nhsNumber,
    UUID linkWorkerId,
    CaseStatus status,
    Instant referredAt,
    Instant openedAt,
    Instant firstContactAt,
    List<String> needs,
    long version) {

  /** Days and dates are counted by the calendar in England. */
  public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  public CaseloadEntry {
    needs = List.copyOf(needs);
  }

  public boolean awaitingFirstContact() {
    return status == CaseStatus.OPEN && firstContactAt == null;
  }

  /** Whole days from the referral to today (or to the first contact, once there was one). */
  public long daysWaiting(LocalDate today) {
    LocalDate end = firstContactAt == null ? today : firstContactAt.atZone(ENGLAND).toLocalDate();
    return ChronoUnit.DAYS.between(referredAt.atZone(ENGLAND).toLocalDate(), end);
  }
}

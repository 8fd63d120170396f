package org.waymark.reporting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a dashboard is narrowed to. Dates are of referral (or of request, for onward referrals),
 * both ends included; every other filter is optional (null for all).
 */
public record ReportFilters(
    LocalDate from,
    LocalDate to,
    UUID pcn,
    UUID practice,
    UUID linkWorker,
    String need,
    UUID service) {

  /** The last twelve months to today, with nothing else narrowed. */
  public static ReportFilters lastYear(LocalDate today) {
    return new ReportFilters(
        today.withDayOfMonth(1).minusMonths(11), today, null, null, null, null, null);
  }
}

package org.waymark.audit;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A search of the audit log; every field may be null (no filter). Dates are inclusive, in UTC.
 *
 * @param username part of the user's sign-in name
 */
public record AuditQuery(
    String username,
    UUID personId,
    String action,
    LocalDate from,
    LocalDate to,
    int page,
    int size) {

  public AuditQuery {
    page = Math.max(page, 0);
    size = size <= 0 ? 50 : Math.min(size, 200);
  }
}

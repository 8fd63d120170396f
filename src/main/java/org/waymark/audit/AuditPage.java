package org.waymark.audit;

import java.util.List;

/** One page of audit events, newest first. */
public record AuditPage(List<AuditEvent> events, int page, int size, long total) {

  public int totalPages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }
}

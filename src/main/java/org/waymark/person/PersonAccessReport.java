package org.waymark.person;

import java.util.List;
import org.waymark.audit.AuditEvent;

/**
 * A person's access report: one record and every audit entry about it, newest first, including the
 * reading of this report itself.
 */
public record PersonAccessReport(Person person, List<AuditEvent> events) {}

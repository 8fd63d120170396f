/**
 * Jobs clustered through PostgreSQL with db-scheduler: one scheduler per instance, sharing the
 * {@code scheduled_tasks} table (docs/adr/0013-notification-outbox-and-job-scheduler.md).
 */
package org.waymark.platform.scheduling;

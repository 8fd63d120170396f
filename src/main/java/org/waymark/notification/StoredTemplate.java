package org.waymark.notification;

import java.time.Instant;

/**
 * A template as the deployment uses it now.
 *
 * @param texts the texts in use: the defaults until an administrator changes them
 * @param version what an edit must name, so a stale edit is refused; 0 until first saved
 * @param customised whether the texts differ from the defaults
 * @param updatedAt when an administrator last saved or reset it; null if never
 */
public record StoredTemplate(
    NotificationTemplate template,
    TemplateTexts texts,
    long version,
    boolean customised,
    Instant updatedAt) {}

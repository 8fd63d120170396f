package org.waymark.casework.web;

import java.util.UUID;

/**
 * One contact as the timeline shows it.
 *
 * @param when for example "14 July 2025 at 2:30pm", UK time
 * @param isoWhen the instant for the {@code time} element
 * @param outcome the outcome's label, or null for a planned contact
 * @param outcomeCode the outcome's name, or null for a planned contact
 * @param duration for example "45 minutes", or null
 */
public record ContactRow(
    UUID id,
    String when,
    String isoWhen,
    String type,
    String outcome,
    String outcomeCode,
    String duration,
    String notes) {}

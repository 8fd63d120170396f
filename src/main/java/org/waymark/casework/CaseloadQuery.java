package org.waymark.casework;

import java.util.UUID;

/**
 * Which cases to list.
 *
 * @param linkWorkerId whose caseload; null for the signed-in link worker's own, or for a manager
 *     the whole service
 * @param status null for open and closed alike
 * @param awaitingFirstContactOnly only open cases without a first contact
 * @param need a {@code NEED} code the referral named; null for any
 */
public record CaseloadQuery(
    UUID linkWorkerId, CaseStatus status, boolean awaitingFirstContactOnly, String need) {}

package org.waymark.casework;

import java.util.UUID;

/**
 * What the header of every case page shows (fragment {@code casework/case-header :: header(view)}).
 *
 * @param nhsNumber formatted 3-3-4, or null if the person has none recorded
 * @param dateOfBirth for example "14 February 1957"
 * @param age in whole years today
 * @param linkWorkerName the display name of the link worker who holds the case
 * @param status "Open" or "Closed"
 * @param openedOn for example "3 March 2026"
 * @param closedOn null while open
 * @param daysSinceReferral whole days from the referral's arrival to today (UK dates)
 */
public record CaseHeader(
    UUID caseId,
    String personName,
    String nhsNumber,
    String dateOfBirth,
    int age,
    String linkWorkerName,
    String status,
    boolean open,
    String openedOn,
    String closedOn,
    long daysSinceReferral) {}

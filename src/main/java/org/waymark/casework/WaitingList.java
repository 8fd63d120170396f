package org.waymark.casework;

import java.util.List;

/**
 * The service's open cases still waiting for a first contact, oldest referral first, and how long
 * people waited from referral to first contact over the last 90 days (by first contact date).
 *
 * @param medianDays null when nobody was first contacted in the last 90 days
 * @param ninetiethPercentileDays null likewise
 * @param contactedLast90Days how many first contacts the figures are based on
 */
public record WaitingList(
    List<CaseloadEntry> entries,
    Double medianDays,
    Double ninetiethPercentileDays,
    int contactedLast90Days) {

  public WaitingList {
    entries = List.copyOf(entries);
  }
}

package org.waymark.casework;

/**
 * The missed-contact rule: after {@code threshold} contacts in a row that the person did not attend
 * (the PCN's setting, 2 unless changed), the link worker is prompted to review the case, until an
 * attended contact follows. Cancelled and planned contacts neither count nor break the run.
 *
 * @param inARow did-not-attend contacts since the last attended one
 * @param threshold the PCN's {@code missed_contacts_before_review}
 */
public record MissedContacts(int inARow, int threshold) {

  public boolean reviewDue() {
    return inARow >= threshold;
  }
}

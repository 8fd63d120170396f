package org.waymark.casework;

import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.waymark.casework.internal.UkTime;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.UserAccount;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/**
 * Builds the case header for any case page. Call it with a case the user has already been allowed
 * to read (for example from {@link org.waymark.casework.Casework#find}); reading the person and the
 * referral is checked and audited by their modules.
 */
@Component
public class CaseHeaders {

  private final PersonManagement people;
  private final Referrals referrals;
  private final IdentityManagement identity;

  CaseHeaders(PersonManagement people, Referrals referrals, IdentityManagement identity) {
    this.people = people;
    this.referrals = referrals;
    this.identity = identity;
  }

  public CaseHeader of(CaseFile c) {
    return of(c, people.find(c.personId()), referrals.find(c.referralId()));
  }

  /** For a page that has read the person and the referral already. */
  public CaseHeader of(CaseFile c, Person person, Referral referral) {
    var today = UkTime.today();
    var born = person.details().dateOfBirth();
    return new CaseHeader(
        c.id(),
        person.name(),
        person.nhsNumberFormatted(),
        UkTime.formatDate(born),
        born == null ? 0 : Period.between(born, today).getYears(),
        identity.user(c.linkWorkerId()).map(UserAccount::displayName).orElse("Not known"),
        c.status().label(),
        c.isOpen(),
        UkTime.formatDate(c.openedAt()),
        UkTime.formatDate(c.closedAt()),
        ChronoUnit.DAYS.between(UkTime.date(referral.receivedAt()), today));
  }
}

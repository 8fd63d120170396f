package org.waymark.casework.web;

import org.springframework.stereotype.Component;
import org.waymark.casework.CaseFile;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referrals;

/**
 * Builds the header of the plan and closure pages. Call it only once the case's access check has
 * passed: it reads the person and the referral (each read audited by its module).
 */
@Component
class PlanHeaders {

  private final PersonManagement people;
  private final Referrals referrals;

  PlanHeaders(PersonManagement people, Referrals referrals) {
    this.people = people;
    this.referrals = referrals;
  }

  PlanHeader of(CaseFile c) {
    return new PlanHeader(
        c, people.find(c.personId()).name(), referrals.find(c.referralId()).reference());
  }
}

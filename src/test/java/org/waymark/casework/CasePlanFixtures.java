package org.waymark.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.support.TestUsers;

/**
 * Open cases for the support plan and closure tests: a referral made through the referral module by
 * a fresh referrer at Kirkgate Surgery (so Aire Valley PCN receives it), accepted by a fresh
 * service manager, and a case held by a fresh link worker of the PCN. Each call makes new accounts,
 * so tests never share a case or a caseload.
 */
final class CasePlanFixtures {

  private final IdentityManagement identity;
  private final Referrals referrals;
  private final CaseStore cases;
  private final UserDetailsService users;

  CasePlanFixtures(
      IdentityManagement identity, Referrals referrals, CaseStore cases, UserDetailsService users) {
    this.identity = identity;
    this.referrals = referrals;
    this.cases = cases;
    this.users = users;
  }

  /** An open case and the people around it. */
  record OpenCase(
      UUID caseId,
      UUID referralId,
      UUID personId,
      UUID organisationId,
      String reference,
      String familyName,
      UserAccount linkWorker,
      UserAccount manager) {}

  OpenCase openCase(List<String> needs) {
    UUID pcn = organisation("Aire Valley PCN");
    UserAccount referrer =
        TestUsers.create(identity, organisation("Kirkgate Surgery"), Role.REFERRER);
    UserAccount manager = TestUsers.create(identity, pcn, Role.SERVICE_MANAGER);
    UserAccount linkWorker = TestUsers.create(identity, pcn, Role.LINK_WORKER);
    String family = "Planner-" + letters();
    Referral submitted =
        as(referrer, () -> referrals.submit(referral(family, needs), Channel.WEB_FORM));
    Referral accepted = as(manager, () -> referrals.accept(submitted.id(), submitted.version()));
    UUID caseId = UUID.randomUUID();
    cases.insert(
        pcn,
        caseId,
        accepted.id(),
        accepted.personId(),
        linkWorker.id(),
        manager.id(),
        accepted.receivedAt(),
        accepted.needs());
    return new OpenCase(
        caseId,
        accepted.id(),
        accepted.personId(),
        pcn,
        accepted.reference(),
        family,
        linkWorker,
        manager);
  }

  /** A fresh account of the PCN, for someone who does not hold the case. */
  UserAccount colleague(Role role) {
    return TestUsers.create(identity, organisation("Aire Valley PCN"), role);
  }

  /** Runs work as the user, signed in as they would be (their only membership). */
  <T> T as(UserAccount account, Supplier<T> work) {
    WaymarkUser user = (WaymarkUser) users.loadUserByUsername(account.email());
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }

  UUID organisation(String name) {
    return identity.organisations().stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow();
  }

  private static NewReferral referral(String family, List<String> needs) {
    PersonDetails person =
        PersonDetails.builder()
            .name("Morwenna", family)
            .dateOfBirth(LocalDate.of(1948, 11, 3))
            .sex(Sex.FEMALE)
            .mobile("07700 900" + (100 + ThreadLocalRandom.current().nextInt(800)), true)
            .build();
    return new NewReferral(
        person,
        "GP",
        needs,
        "Lives alone since her husband died; worried about bills.",
        true,
        true,
        Urgency.ROUTINE,
        null,
        null,
        null,
        new ReferrerDetails("Dr Asha Patel", "GP", "Kirkgate Surgery", null, "asha@example.org"),
        null,
        LocalDate.now(java.time.ZoneId.of("Europe/London")).minusDays(30));
  }

  static String letters() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }
}

package org.waymark.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.support.TestUsers;
import org.waymark.support.WebSession;

/**
 * A fresh PCN of its own for each test (so the shared database's other data never interferes): one
 * member practice, a manager, two link workers and a referrer at the practice.
 */
final class CaseworkFixture {

  final IdentityManagement identity;
  final Referrals referrals;
  final int port;
  final Organisation pcn;
  final Organisation practice;
  final UserAccount manager;
  final UserAccount linkWorker;
  final UserAccount otherLinkWorker;
  final UserAccount referrer;

  CaseworkFixture(IdentityManagement identity, Referrals referrals, int port) {
    this.identity = identity;
    this.referrals = referrals;
    this.port = port;
    String suffix = unique();
    pcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Test PCN " + suffix, null, null, "LS1 4AP");
    practice =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Test Surgery " + suffix, null, pcn.id(), "LS2 7EY");
    manager = TestUsers.create(identity, pcn.id(), Role.SERVICE_MANAGER);
    linkWorker = TestUsers.create(identity, pcn.id(), Role.LINK_WORKER);
    otherLinkWorker = TestUsers.create(identity, pcn.id(), Role.LINK_WORKER);
    referrer = TestUsers.create(identity, practice.id(), Role.REFERRER);
  }

  /** Letters that make names unique in the shared database. */
  static String unique() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  UserAccount user(Role role) {
    return TestUsers.create(identity, pcn.id(), role);
  }

  WebSession signedIn(UserAccount user) {
    WebSession session = new WebSession(port);
    WebSession.Page answer = session.signIn(user.email(), TestUsers.PASSWORD);
    if (answer.status() != 302 || answer.location().contains("/login")) {
      throw new IllegalStateException("Sign-in failed for " + user.email());
    }
    return session;
  }

  PersonDetails.Builder person(String given, String family) {
    return PersonDetails.builder()
        .name(given, family)
        .dateOfBirth(LocalDate.of(1961, 7, 3))
        .sex(Sex.FEMALE)
        .address("12 Test Street", null, "Leeds", "LS2 7EY")
        .mobile("07700 900555", false)
        .registeredPracticeId(practice.id());
  }

  /** A referral from the practice's referrer about someone new, with these needs. */
  Referral refer(String given, String family, List<String> needs) {
    return refer(person(given, family).build(), needs, null);
  }

  Referral refer(PersonDetails person, List<String> needs, String safeguarding) {
    NewReferral r =
        new NewReferral(
            person,
            "GP",
            needs,
            "Feels cut off since moving here",
            true,
            true,
            Urgency.ROUTINE,
            null,
            null,
            safeguarding,
            new ReferrerDetails("Dr Test", "GP", null, "01632 960001", null),
            null);
    return as(referrer, () -> referrals.submit(r, Channel.WEB_FORM));
  }

  /** Runs work as this user, acting in their first membership, as a signed-in request would. */
  static <T> T as(UserAccount account, Supplier<T> work) {
    return TestUsers.as(account, work);
  }

  static void as(UserAccount account, Runnable work) {
    as(
        account,
        () -> {
          work.run();
          return null;
        });
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  UUID pcnId() {
    return pcn.id();
  }
}

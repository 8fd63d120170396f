package org.waymark.connection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.Listing;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ReferralMethod;
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
 * A PCN of its own for each test (a practice, a manager, two link workers, a referrer) and a VCS
 * organisation with a coordinator and two services: one answered in Waymark, one by email.
 */
public final class ConnectionFixture {

  public final IdentityManagement identity;
  public final int port;
  public final Organisation pcn;
  public final Organisation practice;
  public final Organisation vcs;
  public final UserAccount manager;
  public final UserAccount linkWorker;
  public final UserAccount otherLinkWorker;
  public final UserAccount referrer;
  public final UserAccount coordinator;
  public final Listing waymarkService;
  public final Listing emailService;

  public ConnectionFixture(IdentityManagement identity, DirectoryCuration curation, int port) {
    this.identity = identity;
    this.port = port;
    String suffix = unique();
    pcn = identity.createOrganisation(OrganisationType.PCN, "PCN " + suffix, null, null, "LS1 4AP");
    practice =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Surgery " + suffix, null, pcn.id(), "LS2 7EY");
    vcs =
        identity.createOrganisation(
            OrganisationType.VCS, "Befrienders " + suffix, null, null, "LS6 1AA");
    manager = TestUsers.create(identity, pcn.id(), Role.SERVICE_MANAGER);
    linkWorker = TestUsers.create(identity, pcn.id(), Role.LINK_WORKER);
    otherLinkWorker = TestUsers.create(identity, pcn.id(), Role.LINK_WORKER);
    referrer = TestUsers.create(identity, practice.id(), Role.REFERRER);
    coordinator = TestUsers.create(identity, vcs.id(), Role.VCS_COORDINATOR);
    waymarkService =
        as(
            coordinator,
            () ->
                curation.createListing(
                    vcs.id(),
                    ListingDetails.named("Befriending " + suffix, "Weekly visits and calls")
                        .withReferrals(
                            AcceptingReferrals.YES, ReferralMethod.WAYMARK, null, null, 20, 10)));
    emailService =
        as(
            coordinator,
            () ->
                curation.createListing(
                    vcs.id(),
                    ListingDetails.named("Walking group " + suffix, "Walks on Tuesdays")
                        .withReferrals(
                            AcceptingReferrals.YES,
                            ReferralMethod.EMAIL,
                            "walks@example.org",
                            null,
                            null,
                            5)));
  }

  static String unique() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  /** A referral accepted and allocated to the fixture's link worker: an open case. */
  public CaseFile openCase(Referrals referrals, Triage triage, String given, String family) {
    PersonDetails person =
        PersonDetails.builder()
            .name(given, family)
            .dateOfBirth(LocalDate.of(1961, 7, 3))
            .sex(Sex.FEMALE)
            .nhsNumber(null)
            .address("12 Test Street", null, "Leeds", "LS2 7EY")
            .mobile("07700 900555", true)
            .registeredPracticeId(practice.id())
            .build();
    NewReferral r =
        new NewReferral(
            person,
            "GP",
            List.of("LONELINESS"),
            "Feels cut off since moving here",
            true,
            true,
            Urgency.ROUTINE,
            null,
            null,
            null,
            new ReferrerDetails("Dr Test", "GP", null, "01632 960001", null),
            null);
    Referral referral = as(referrer, () -> referrals.submit(r, Channel.WEB_FORM));
    return as(manager, () -> triage.accept(referral.id(), referral.version(), linkWorker.id()));
  }

  /** A referral to the service with everything filled in, sent as the link worker. */
  public Connection refer(Connections connections, CaseFile c, UUID serviceId) {
    return as(
        linkWorker,
        () ->
            connections.refer(
                c.id(),
                new OnwardReferral(
                    serviceId,
                    List.of("LONELINESS"),
                    "Mobile 07700 900555, mornings",
                    "Getting out of the house again",
                    "Uses a walking stick",
                    true,
                    null)));
  }

  public WebSession signedIn(UserAccount user) {
    WebSession session = new WebSession(port);
    WebSession.Page answer = session.signIn(user.email(), TestUsers.PASSWORD);
    if (answer.status() != 302 || answer.location().contains("/login")) {
      throw new IllegalStateException("Sign-in failed for " + user.email());
    }
    return session;
  }

  /** Runs work as this user, acting in their first membership, as a signed-in request would. */
  public static <T> T as(UserAccount account, Supplier<T> work) {
    return TestUsers.as(account, work);
  }

  public static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}

package org.waymark.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.waymark.casework.internal.CaseStore;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Membership;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
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
import org.waymark.support.WebSession;

/**
 * A service of its own for each test (a PCN with one practice, two link workers, a manager and a
 * referrer), and cases opened on it from real referrals, so tests sharing the database never see
 * each other's cases or settings.
 */
final class CasePageFixtures {

  private final IdentityManagement identity;
  private final Referrals referrals;
  private final CaseStore cases;
  private final JdbcClient jdbc;
  private final int port;

  CasePageFixtures(
      IdentityManagement identity,
      Referrals referrals,
      CaseStore cases,
      JdbcClient jdbc,
      int port) {
    this.identity = identity;
    this.referrals = referrals;
    this.cases = cases;
    this.jdbc = jdbc;
    this.port = port;
  }

  record Service(
      Organisation pcn,
      Organisation practice,
      UserAccount holder,
      UserAccount colleague,
      UserAccount manager,
      UserAccount referrer) {}

  record OpenCase(UUID id, UUID personId, UUID referralId, String personName) {}

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  Service service() {
    String s = suffix();
    Organisation pcn =
        identity.createOrganisation(
            OrganisationType.PCN,
            "Case page PCN " + s,
            "Y" + s.toUpperCase(Locale.ROOT),
            null,
            "LS1 4AP");
    Organisation practice =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE,
            "Case page practice " + s,
            "X" + s.toUpperCase(Locale.ROOT),
            pcn.id(),
            "LS2 7EY");
    return new Service(
        pcn,
        practice,
        TestUsers.create(identity, pcn.id(), Role.LINK_WORKER),
        TestUsers.create(identity, pcn.id(), Role.LINK_WORKER),
        TestUsers.create(identity, pcn.id(), Role.SERVICE_MANAGER),
        TestUsers.create(identity, practice.id(), Role.REFERRER));
  }

  /** A referral from the service's referrer, accepted into a case held by the holder. */
  OpenCase openCase(Service service, String safeguarding) {
    String family = "Case" + suffix().replaceAll("[0-9]", "x");
    NewReferral referral =
        new NewReferral(
            PersonDetails.builder()
                .name("Aoife", family)
                .dateOfBirth(LocalDate.of(1957, 2, 14))
                .sex(Sex.FEMALE)
                .address("7 Quarry Hill", null, "Leeds", "LS2 7EY")
                .mobile("07700 900555", true)
                .registeredPracticeId(service.practice().id())
                .build(),
            "GP",
            List.of("LONELINESS", "MONEY"),
            "Lives alone since her husband died and is worried about bills.",
            true,
            true,
            Urgency.ROUTINE,
            null,
            null,
            safeguarding,
            new ReferrerDetails("Dr Rhea Test", "GP", "Practice", "0113 496 0000", null),
            null,
            // A paper referral received long ago, so contacts may be dated back to 2019.
            LocalDate.of(2019, 1, 1));
    Referral r =
        as(
            service.referrer(),
            service.practice(),
            Role.REFERRER,
            () -> referrals.submit(referral, Channel.WEB_FORM));
    UUID caseId = UUID.randomUUID();
    cases.insert(
        r.organisationId(),
        caseId,
        r.id(),
        r.personId(),
        service.holder().id(),
        service.manager().id(),
        r.receivedAt(),
        r.needs());
    return new OpenCase(caseId, r.personId(), r.id(), "Aoife " + family);
  }

  /** Runs work as a user acting in one membership, as a request would. */
  static <T> T as(
      UserAccount user, Organisation org, Role role, java.util.function.Supplier<T> work) {
    Membership m = new Membership(org.id(), org.name(), org.type(), role);
    WaymarkUser principal =
        new WaymarkUser(user.id(), user.email(), user.displayName(), null, true, List.of(m), m);
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(
                principal, null, principal.getAuthorities()));
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  void teamCaseloads(Service service, boolean visible) {
    jdbc.sql(
            """
            INSERT INTO casework_setting (organisation_id, team_caseloads_visible) VALUES (?, ?)
            ON CONFLICT (organisation_id) DO UPDATE SET team_caseloads_visible = EXCLUDED.team_caseloads_visible
            """)
        .params(service.pcn().id(), visible)
        .update();
  }

  void close(OpenCase c) {
    jdbc.sql(
            """
            UPDATE casework_case SET status = 'CLOSED', closed_at = now(), closure_reason = 'GOALS_MET'
            WHERE id = ?
            """)
        .param(c.id())
        .update();
  }

  WebSession signIn(UserAccount user) {
    WebSession browser = new WebSession(port);
    WebSession.Page answer = browser.signIn(user.email(), TestUsers.PASSWORD);
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).doesNotContain("/login");
    return browser;
  }

  /** Form fields from name, value pairs, in order. */
  static Map<String, String> form(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  /** A contact form: date d/m/y, time h:m, type, outcome ("" for planned), duration, notes. */
  static Map<String, String> contact(
      String type, String date, String time, String outcome, String duration, String notes) {
    String[] d = date.split("/");
    String[] t = time.split(":");
    return form(
        "type", type,
        "dateDay", d[0],
        "dateMonth", d[1],
        "dateYear", d[2],
        "hour", t[0],
        "minute", t[1],
        "outcome", outcome,
        "durationMinutes", duration,
        "notes", notes);
  }
}

package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.referral.ReferralPageFixtures.organisation;
import static org.waymark.referral.ReferralPageFixtures.selfForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The public self-referral form: no account, CSRF still required, routed to the PCN of the chosen
 * practice or the nearest one by postcode, a honeypot that stores nothing, and at most five
 * submissions an hour from one address.
 */
@WaymarkIntegrationTest
class SelfReferralTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired IdentityManagement identity;
  @Autowired Referrals referrals;

  /** Someone on the public site, at an address of their own. */
  private WebSession visitor(String address) {
    return new WebSession(port).from(address);
  }

  private int count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Integer.class).single();
  }

  /** Sends the form and returns the reference the confirmation page shows. */
  private String send(WebSession session, Map<String, String> form) {
    WebSession.Page answer = session.post("/self-referral", form);
    assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    assertThat(answer.location()).endsWith("/self-referral/sent");
    WebSession.Page sent = session.get("/self-referral/sent");
    assertThat(sent.status()).isEqualTo(200);
    String reference = sent.document().selectFirst("[data-testid=reference]").text();
    assertThat(reference).matches("WM-[0-9A-Z]{4}-[0-9A-Z]{4}");
    return reference;
  }

  private Map<String, Object> stored(String reference) {
    return jdbc.sql(
            "SELECT id, organisation_id, channel, source, referrer_user_id FROM referral"
                + " WHERE reference = ?")
        .param(reference)
        .query()
        .singleRow();
  }

  @Test
  void aPersonRefersThemselvesWithoutAnAccountAndItReachesTheirPracticesPcn() {
    WebSession person = visitor(TestUsers.freshAddress());
    WebSession.Page page = person.get("/self-referral");
    assertThat(page.status()).isEqualTo(200);
    Document form = page.document();
    assertThat(form.select("form[action$=/self-referral] input[name=_csrf]")).hasSize(1);
    assertThat(person.sessionCookie()).isNotNull();
    // The honeypot: hidden from sight and from screen readers, out of the tab order.
    Element trap = form.selectFirst("input[name=website]");
    assertThat(trap.attr("tabindex")).isEqualTo("-1");
    assertThat(trap.attr("autocomplete")).isEqualTo("off");
    assertThat(trap.parent().attr("aria-hidden")).isEqualTo("true");
    assertThat(form.selectFirst("label[for=website]").text()).isEqualTo("Leave this empty");
    assertThat(form.select("#registeredPracticeId option").first().text())
        .isEqualTo("I don't know");

    Organisation kirkgate = organisation(identity, "Kirkgate Surgery");
    String reference = send(person, selfForm("Selma", "LS1 6BP", kirkgate.id()));

    Map<String, Object> row = stored(reference);
    assertThat(row.get("organisation_id")).isEqualTo(kirkgate.parentId());
    assertThat(row.get("channel")).isEqualTo("SELF_REFERRAL");
    assertThat(row.get("source")).isEqualTo("SELF");
    assertThat(row.get("referrer_user_id")).isNull();
    Map<String, Object> audit =
        jdbc.sql(
                "SELECT user_id, outcome FROM audit_event WHERE action = 'REFERRAL_CREATED'"
                    + " AND record_id = ?")
            .param(row.get("id").toString())
            .query()
            .singleRow();
    assertThat(audit.get("user_id")).isNull();
    assertThat(audit.get("outcome")).isEqualTo("ALLOWED");
    // The confirmation is shown once; coming back to it starts again.
    assertThat(person.get("/self-referral/sent").status()).isEqualTo(302);
  }

  @Test
  void withoutAPracticeItReachesThePcnWithTheNearestMemberPractice() {
    // Two PCNs far from every other organisation, their practices 11 km apart.
    double lat = 59.5 + ThreadLocalRandom.current().nextDouble();
    double lon = -25 + ThreadLocalRandom.current().nextDouble() * 5;
    String near = postcode(lat, lon);
    String far = postcode(lat + 0.1, lon);
    Organisation nearPcn = pcnWithPracticeAt(near);
    Organisation farPcn = pcnWithPracticeAt(far);
    String closeToNear = postcode(lat + 0.02, lon);
    String closeToFar = postcode(lat + 0.08, lon);

    assertThat(referrals.nearestPcn(closeToNear.toLowerCase().replace(" ", "")))
        .contains(nearPcn.id());
    String first = send(visitor(TestUsers.freshAddress()), selfForm("Nora", closeToNear, null));
    assertThat(stored(first).get("organisation_id")).isEqualTo(nearPcn.id());
    String second = send(visitor(TestUsers.freshAddress()), selfForm("Fern", closeToFar, null));
    assertThat(stored(second).get("organisation_id")).isEqualTo(farPcn.id());
  }

  @Test
  void aPostcodeThatFindsNoServiceAsksForThePracticeAndStoresNothing() {
    WebSession person = visitor(TestUsers.freshAddress());
    int before = count("referral");
    // A well-formed postcode that is not in the postcode table.
    Map<String, String> form = selfForm("Lost", "ZZ9 9ZZ", null);
    WebSession.Page page = person.post("/self-referral", form);
    assertThat(page.status()).isEqualTo(200);
    Document doc = page.document();
    assertThat(doc.select(".nhsuk-error-summary a").stream().map(a -> a.attr("href")).toList())
        .containsExactly("#registeredPracticeId");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("could not find a social prescribing service for your postcode");
    assertThat(doc.selectFirst("#postcode").attr("value")).isEqualTo("ZZ9 9ZZ");

    // Neither a practice nor a postcode, and other problems too: all listed, in the person's words.
    Map<String, String> empty = new LinkedHashMap<>(Map.of("website", ""));
    Document problems = person.post("/self-referral", empty).document();
    List<String> links =
        problems.select(".nhsuk-error-summary a").stream().map(a -> a.attr("href")).toList();
    assertThat(links)
        .contains("#givenName", "#familyName", "#dateOfBirth", "#postcode", "#phone", "#needs")
        .contains("#consentToShare");
    assertThat(problems.select(".nhsuk-error-summary").text())
        .contains("Enter your first name")
        .contains("Enter your date of birth")
        .contains("Give at least one way to contact you");
    assertThat(count("referral")).isEqualTo(before);
  }

  @Test
  void theHoneypotIsAnsweredLikeASuccessButNothingIsStored() {
    String address = TestUsers.freshAddress();
    WebSession robot = visitor(address);
    int referralsBefore = count("referral");
    int peopleBefore = count("person");
    Map<String, String> form = selfForm("Robot", "LS1 6BP", null);
    form.put("website", "https://spam.example");

    String reference = send(robot, form);

    assertThat(
            jdbc.sql("SELECT count(*) FROM referral WHERE reference = ?")
                .param(reference)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(count("referral")).isEqualTo(referralsBefore);
    assertThat(count("person")).isEqualTo(peopleBefore);
    assertThat(
            jdbc.sql("SELECT count(*) FROM self_referral_submission WHERE remote_address = ?")
                .param(address)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theSixthSubmissionFromOneAddressWithinAnHourIsRefused() {
    String address = TestUsers.freshAddress();
    UUID practice = organisation(identity, "Riverside Medical Practice").id();
    for (int i = 0; i < 5; i++) {
      send(visitor(address), selfForm("Many" + (char) ('a' + i), "LS2 7EY", practice));
    }
    int before = count("referral");
    WebSession.Page refused =
        visitor(address).post("/self-referral", selfForm("Sixth", "LS2 7EY", practice));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.h1()).contains("Too many requests");
    assertThat(refused.body()).doesNotContain("Exception");
    assertThat(count("referral")).isEqualTo(before);
    // Another address is not affected.
    send(visitor(TestUsers.freshAddress()), selfForm("Other", "LS2 7EY", practice));
  }

  @Test
  void theFormStillNeedsItsCsrfToken() {
    WebSession person = visitor(TestUsers.freshAddress());
    person.get("/self-referral");
    int before = count("referral");
    assertThat(person.postRaw("/self-referral", selfForm("Forged", "LS1 6BP", null)).status())
        .isEqualTo(403);
    assertThat(count("referral")).isEqualTo(before);
  }

  /** A made-up postcode at this place, in the postcode table. */
  private String postcode(double latitude, double longitude) {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String postcode =
        "ZE"
            + random.nextInt(1, 10)
            + " "
            + random.nextInt(10)
            + letters.charAt(random.nextInt(letters.length()))
            + letters.charAt(random.nextInt(letters.length()));
    jdbc.sql(
            """
            INSERT INTO postcode_location (postcode, latitude, longitude) VALUES (?, ?, ?)
            ON CONFLICT (postcode) DO UPDATE SET latitude = excluded.latitude,
              longitude = excluded.longitude
            """)
        .params(postcode, latitude, longitude)
        .update();
    return postcode;
  }

  private Organisation pcnWithPracticeAt(String postcode) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Organisation pcn =
        identity.createOrganisation(OrganisationType.PCN, "Test PCN " + suffix, null, null, null);
    identity.createOrganisation(
        OrganisationType.GP_PRACTICE, "Test Surgery " + suffix, null, pcn.id(), postcode);
    return pcn;
  }
}

package org.waymark.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditOutcome;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.Channel;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Finding records that may be the same person, tolerant of spelling and accents, and merging them
 * with every linked record following the kept one.
 */
@WaymarkIntegrationTest
class PersonDuplicateAndMergeTests {

  @LocalServerPort int port;
  @Autowired PersonManagement people;
  @Autowired Referrals referrals;
  @Autowired IdentityManagement identity;
  @Autowired UserDetailsService accounts;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  // ---- helpers ----

  UUID pcn(String name) {
    return identity.organisations(OrganisationType.PCN).stream()
        .filter(o -> o.name().equals(name))
        .map(Organisation::id)
        .findFirst()
        .orElseThrow();
  }

  UUID aireValley() {
    return pcn("Aire Valley PCN");
  }

  /** A date of birth no other test is likely to use, so each test sees only its own records. */
  static LocalDate rareDateOfBirth() {
    return LocalDate.of(1925, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(27_000));
  }

  static String rarePostcode() {
    String letters = "ABDEFGHJLNPQRSTUWXYZ";
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "LS"
        + (1 + r.nextInt(29))
        + " "
        + r.nextInt(10)
        + letters.charAt(r.nextInt(letters.length()))
        + letters.charAt(r.nextInt(letters.length()));
  }

  static PersonDetails.Builder someone(String given, String family, LocalDate dateOfBirth) {
    return PersonDetails.builder().name(given, family).dateOfBirth(dateOfBirth).sex(Sex.FEMALE);
  }

  /** A record made by the system (tests act outside any request), as demo data is. */
  Person registered(UUID organisationId, PersonDetails.Builder details) {
    return people.registerBySystem(organisationId, details.build(), "test");
  }

  UserAccount manager(UUID organisationId) {
    return TestUsers.create(identity, organisationId, Role.SERVICE_MANAGER);
  }

  /** Runs work as this user, signed in as the pages would have them. */
  <T> T as(UserAccount user, Supplier<T> work) {
    WaymarkUser principal = (WaymarkUser) accounts.loadUserByUsername(user.email());
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

  List<DuplicateCandidate> candidates(UUID personId) {
    return as(manager(aireValley()), () -> people.duplicateCandidates(personId));
  }

  static DuplicateCandidate candidate(List<DuplicateCandidate> found, UUID id) {
    return found.stream().filter(c -> c.person().id().equals(id)).findFirst().orElse(null);
  }

  WebSession signedIn(UserAccount user) {
    WebSession browser = new WebSession(port);
    WebSession.Page answer = browser.signIn(user.email(), TestUsers.PASSWORD);
    assertThat(answer.status()).isEqualTo(302);
    return browser;
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  List<AuditEvent> merges(UUID personId) {
    return audit.forPerson(personId).stream()
        .filter(e -> e.action().equals("PERSON_MERGED"))
        .toList();
  }

  long version(UUID id) {
    return count("SELECT version FROM person WHERE id = ?", id);
  }

  // ---- duplicate candidates ----

  @Test
  void accentsAndASpellingDifferenceWithTheSameDateOfBirthAreACandidate() {
    LocalDate dob = rareDateOfBirth();
    Person zoe = registered(aireValley(), someone("Zoë", "Smith", dob));
    Person other = registered(aireValley(), someone("Zoe", "Smyth", dob));

    DuplicateCandidate found = candidate(candidates(zoe.id()), other.id());

    assertThat(found).isNotNull();
    assertThat(found.reasons()).containsExactly(DuplicateReason.SIMILAR_NAME_AND_DATE_OF_BIRTH);
    assertThat(candidate(candidates(other.id()), zoe.id())).as("and the other way").isNotNull();
  }

  @Test
  void jonAndJohnWithTheSameDateOfBirthAreACandidate() {
    LocalDate dob = rareDateOfBirth();
    Person jon = registered(aireValley(), someone("Jon", "Smith", dob));
    Person john = registered(aireValley(), someone("John", "Smith", dob));

    assertThat(candidate(candidates(jon.id()), john.id())).isNotNull();
  }

  @Test
  void swappedNamesAndAPreferredNameWithTheSameDateOfBirthAreCandidates() {
    LocalDate dob = rareDateOfBirth();
    Person robert = registered(aireValley(), someone("Robert", "Okafor", dob).preferredName("Bob"));
    Person bob = registered(aireValley(), someone("Bob", "Okafor", dob));
    Person swapped = registered(aireValley(), someone("Okafor", "Robert", dob));

    List<DuplicateCandidate> found = candidates(robert.id());

    assertThat(candidate(found, bob.id())).as("preferred name").isNotNull();
    assertThat(candidate(found, swapped.id())).as("given and family swapped").isNotNull();
  }

  @Test
  void differentNamesWithTheSameDateOfBirthAreNotCandidates() {
    LocalDate dob = rareDateOfBirth();
    Person zoe = registered(aireValley(), someone("Zoe", "Smith", dob));
    Person mary = registered(aireValley(), someone("Mary", "Smith", dob));
    Person zoeJones = registered(aireValley(), someone("Zoe", "Jones", dob));

    List<DuplicateCandidate> found = candidates(zoe.id());

    assertThat(candidate(found, mary.id())).isNull();
    assertThat(candidate(found, zoeJones.id())).isNull();
  }

  @Test
  void theSameNameWithAnotherDateOfBirthAndPostcodeIsNotACandidate() {
    LocalDate dob = rareDateOfBirth();
    Person first =
        registered(
            aireValley(),
            someone("Aoife", "Brennan", dob).address("1 Park Row", null, "Leeds", rarePostcode()));
    Person second =
        registered(
            aireValley(),
            someone(
                    "Aoife",
                    "Brennan",
                    dob.getYear() < 1965 ? dob.plusYears(30) : dob.minusYears(30))
                .address("9 Park Row", null, "Leeds", rarePostcode()));

    assertThat(candidate(candidates(first.id()), second.id())).isNull();
  }

  @Test
  void theSameNameAndPostcodeWithAnotherDateOfBirthIsACandidate() {
    LocalDate dob = rareDateOfBirth();
    String postcode = rarePostcode();
    Person first =
        registered(
            aireValley(),
            someone("Siobhán", "Ó Ceallaigh", dob).address("1 Park Row", null, "Leeds", postcode));
    Person second =
        registered(
            aireValley(),
            someone(
                    "Siobhan",
                    "O Ceallaigh",
                    dob.getYear() < 1965 ? dob.plusYears(40) : dob.minusYears(40))
                .address("1 Park Row", null, "Leeds", postcode));

    DuplicateCandidate found = candidate(candidates(first.id()), second.id());

    assertThat(found).isNotNull();
    assertThat(found.reasons()).containsExactly(DuplicateReason.SAME_NAME_AND_POSTCODE);
  }

  @Test
  void anotherOrganisationsRecordIsNeverACandidate() {
    LocalDate dob = rareDateOfBirth();
    String postcode = rarePostcode();
    Person here =
        registered(aireValley(), someone("Priya", "Shah", dob).address(null, null, null, postcode));
    Person elsewhere =
        registered(
            pcn("Moorland PCN"), someone("Priya", "Shah", dob).address(null, null, null, postcode));

    assertThat(candidate(candidates(here.id()), elsewhere.id())).isNull();
  }

  // ---- merging ----

  @Test
  void mergingMovesReferralsAndCasesFillsEmptyFieldsAndAuditsBothRecords() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    String nhs = PersonIntegrationTests.freshNhsNumber();
    String postcode = rarePostcode();
    Person kept =
        registered(
            pcn,
            someone("John", "Smith", dob)
                .address("4 Mill Lane", null, "Leeds", postcode)
                .phone("01632 960001", true));
    Person merged =
        registered(
            pcn,
            someone("Jon", "Smith", dob)
                .nhsNumber(nhs)
                .address("12 Other Street", null, "Bradford", "BD1 1HY")
                .email("jon.smith@example.org", true)
                .preferredName("Johnny"));
    UserAccount manager = manager(pcn);

    // A referral for the merged record, through the referral module's own code: the NHS number
    // matches it, so the referral is linked to it.
    Referral referral =
        as(
            manager,
            () ->
                referrals.submit(
                    new NewReferral(
                        someone("Jon", "Smith", dob)
                            .nhsNumber(nhs)
                            .email("jon.smith@example.org", true)
                            .build(),
                        "GP",
                        List.of("LONELINESS"),
                        "Lives alone since a bereavement",
                        true,
                        true,
                        Urgency.ROUTINE,
                        null,
                        null,
                        null,
                        new ReferrerDetails("Dr Ada Test", "GP", null, "01632 960002", null),
                        pcn),
                    Channel.WEB_FORM));
    assertThat(referral.personId()).isEqualTo(merged.id());
    // A case for the merged record. Cases are opened by triage, which has no public entry yet, so
    // the row is written as the casework module writes it.
    UUID caseId = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO casework_case (organisation_id, id, referral_id, person_id, link_worker_id)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(pcn, caseId, referral.id(), merged.id(), manager.id())
        .update();

    Person result = as(manager, () -> people.merge(kept.id(), 0, merged.id(), 0));

    // Every linked record now belongs to the kept person, moved by the modules' own listeners.
    assertThat(count("SELECT count(*) FROM referral WHERE person_id = ?", merged.id())).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM referral WHERE person_id = ? AND id = ?",
                kept.id(),
                referral.id()))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM casework_case WHERE person_id = ?", merged.id()))
        .isZero();
    assertThat(
            count(
                "SELECT count(*) FROM casework_case WHERE person_id = ? AND id = ?",
                kept.id(),
                caseId))
        .isEqualTo(1);

    // Empty fields are filled from the merged record; the kept record's own values stay.
    PersonDetails d = result.details();
    assertThat(d.nhsNumber()).isEqualTo(nhs);
    assertThat(d.email()).isEqualTo("jon.smith@example.org");
    assertThat(d.emailConsent()).isTrue();
    assertThat(d.preferredName()).isEqualTo("Johnny");
    assertThat(d.givenName()).isEqualTo("John");
    assertThat(d.addressLine1()).isEqualTo("4 Mill Lane");
    assertThat(d.postcode()).isEqualTo(postcode);
    assertThat(d.phone()).isEqualTo("01632 960001");
    assertThat(result.version()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT merged_into_id FROM person WHERE id = ?")
                .param(merged.id())
                .query(UUID.class)
                .single())
        .isEqualTo(kept.id());
    assertThat(
            count("SELECT count(*) FROM person WHERE id = ? AND nhs_number IS NULL", merged.id()))
        .isEqualTo(1);

    // Both records are audited, naming the fields filled and never their values.
    assertThat(merges(kept.id()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
              assertThat(e.userId()).isEqualTo(manager.id());
              assertThat(e.recordId()).isEqualTo(kept.id().toString());
              assertThat(e.detail())
                  .contains(
                      merged.id().toString(), "nhsNumber", "preferredName", "email", "emailConsent")
                  .doesNotContain("addressLine1", "phone,", nhs, "example.org", "Johnny");
            });
    assertThat(merges(merged.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Merged into " + kept.id()));

    // The merged record is no longer found, matched or read; it points at the kept one.
    as(
        manager,
        () -> {
          assertThat(people.search(new PersonSearch("Smith", null, dob, 0, 50)).people())
              .extracting(Person::id)
              .containsExactly(kept.id());
          assertThat(people.findByNhsNumber(nhs)).extracting(Person::id).containsExactly(kept.id());
          assertThat(people.duplicateCandidates(kept.id()))
              .extracting(c -> c.person().id())
              .doesNotContain(merged.id());
          assertThatThrownBy(() -> people.find(merged.id()))
              .isInstanceOfSatisfying(
                  PersonMergedException.class, e -> assertThat(e.keptId()).isEqualTo(kept.id()));
          assertThatThrownBy(() -> people.update(merged.id(), 1, merged.details()))
              .isInstanceOf(PersonMergedException.class);
          return null;
        });

    WebSession browser = signedIn(manager);
    WebSession.Page page = browser.get("/people/" + merged.id());
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.location()).endsWith("/people/" + kept.id());
    WebSession.Page keptPage = browser.get("/people/" + kept.id());
    assertThat(keptPage.document().select("[data-testid=merged-away]").text())
        .contains("merged into this one");
    WebSession.Page api = browser.json("GET", "/api/people/" + merged.id(), null);
    assertThat(api.status()).isEqualTo(301);
    assertThat(api.location()).isEqualTo("/api/people/" + kept.id());
    assertThat(api.body()).contains("\"mergedInto\":\"" + kept.id() + "\"");
  }

  @Test
  void aStaleVersionIsAConflictAndNothingIsWritten() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    Person kept = registered(pcn, someone("Ada", "Lovelace", dob));
    Person merged =
        registered(pcn, someone("Ada", "Lovelace", dob).email("ada@example.org", false));
    UserAccount manager = manager(pcn);

    assertThatThrownBy(() -> as(manager, () -> people.merge(kept.id(), 0, merged.id(), 3)))
        .isInstanceOfSatisfying(
            PersonMergeConflictException.class,
            e -> assertThat(e.personId()).isEqualTo(merged.id()));
    assertThatThrownBy(() -> as(manager, () -> people.merge(kept.id(), 2, merged.id(), 0)))
        .isInstanceOf(PersonMergeConflictException.class);

    assertThat(
            count(
                "SELECT count(*) FROM person WHERE id IN (?, ?) AND merged_into_id IS NULL",
                kept.id(),
                merged.id()))
        .isEqualTo(2);
    assertThat(version(kept.id())).isZero();
    assertThat(version(merged.id())).isZero();
    assertThat(merges(kept.id())).isEmpty();
    assertThat(merges(merged.id())).isEmpty();
  }

  @Test
  void mergingARecordIntoItselfAnAlreadyMergedRecordOrAnotherNhsNumberIsRefused() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    Person a = registered(pcn, someone("Grace", "Hopper", dob));
    Person b = registered(pcn, someone("Grace", "Hopper", dob));
    Person c = registered(pcn, someone("Grace", "Hopper", dob));
    Person withNhs =
        registered(
            pcn,
            someone("Grace", "Hopper", dob).nhsNumber(PersonIntegrationTests.freshNhsNumber()));
    Person withOtherNhs =
        registered(
            pcn,
            someone("Grace", "Hopper", dob).nhsNumber(PersonIntegrationTests.freshNhsNumber()));
    UserAccount manager = manager(pcn);

    assertThatThrownBy(() -> as(manager, () -> people.merge(a.id(), 0, a.id(), 0)))
        .isInstanceOfSatisfying(
            PersonMergeRefusedException.class,
            e -> assertThat(e.messageKey()).isEqualTo("person.merge.same"));

    as(manager, () -> people.merge(a.id(), 0, b.id(), 0));
    assertThatThrownBy(() -> as(manager, () -> people.merge(c.id(), 0, b.id(), 1)))
        .isInstanceOfSatisfying(
            PersonMergeRefusedException.class,
            e -> assertThat(e.messageKey()).isEqualTo("person.merge.alreadyMerged"));
    assertThatThrownBy(() -> as(manager, () -> people.merge(b.id(), 1, c.id(), 0)))
        .isInstanceOf(PersonMergeRefusedException.class);

    assertThatThrownBy(() -> as(manager, () -> people.merge(withNhs.id(), 0, withOtherNhs.id(), 0)))
        .isInstanceOfSatisfying(
            PersonMergeRefusedException.class,
            e -> assertThat(e.messageKey()).isEqualTo("person.merge.differentNhsNumbers"));
    assertThat(
            count(
                "SELECT count(*) FROM person WHERE id IN (?, ?, ?) AND merged_into_id IS NULL",
                c.id(),
                withNhs.id(),
                withOtherNhs.id()))
        .isEqualTo(3);
    assertThat(merges(c.id())).isEmpty();
  }

  @Test
  void linkWorkersAndManagersOfAnotherPcnMayNotMergeAndTheRefusalIsAudited() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    Person kept = registered(pcn, someone("Alan", "Turing", dob));
    Person merged = registered(pcn, someone("Alan", "Turing", dob));
    UserAccount linkWorker = TestUsers.create(identity, pcn, Role.LINK_WORKER);
    UserAccount otherManager = manager(pcn("Moorland PCN"));

    assertThatThrownBy(() -> as(linkWorker, () -> people.merge(kept.id(), 0, merged.id(), 0)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> as(otherManager, () -> people.merge(kept.id(), 0, merged.id(), 0)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audit.forPerson(kept.id()))
        .filteredOn(e -> e.outcome() == AuditOutcome.REFUSED)
        .extracting(AuditEvent::userId)
        .contains(linkWorker.id(), otherManager.id());

    WebSession browser = signedIn(linkWorker);
    String path = "/people/" + kept.id() + "/merge/" + merged.id();
    assertThat(browser.get(path).status()).isEqualTo(403);
    assertThat(
            browser
                .post(
                    path, Map.of("keep", kept.id().toString(), "version", "0", "otherVersion", "0"))
                .status())
        .isEqualTo(403);
    WebSession otherPcn = signedIn(otherManager);
    assertThat(otherPcn.get(path).status()).isEqualTo(403);
    assertThat(
            otherPcn
                .post(
                    path, Map.of("keep", kept.id().toString(), "version", "0", "otherVersion", "0"))
                .status())
        .isEqualTo(403);

    assertThat(
            count(
                "SELECT count(*) FROM person WHERE id IN (?, ?) AND merged_into_id IS NULL",
                kept.id(),
                merged.id()))
        .isEqualTo(2);
    assertThat(merges(kept.id())).isEmpty();
  }

  @Test
  void aManagerComparesTwoRecordsChoosesOneAndMergesThroughThePages() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    Person first = registered(pcn, someone("Zoë", "Smith", dob).mobile("07700 900123", true));
    Person second =
        registered(
            pcn,
            someone("Zoe", "Smyth", dob).address("2 Canal Wharf", null, "Leeds", rarePostcode()));
    UserAccount manager = manager(pcn);
    WebSession browser = signedIn(manager);

    // The record's page lists the possible duplicate with a link to compare them.
    Document view = browser.get("/people/" + first.id()).document();
    assertThat(view.select("[data-testid=duplicate][data-id=" + second.id() + "] a").attr("href"))
        .isEqualTo("/people/" + first.id() + "/merge/" + second.id());

    String path = "/people/" + first.id() + "/merge/" + second.id();
    WebSession.Page compare = browser.get(path);
    assertThat(compare.status()).isEqualTo(200);
    Document doc = compare.document();
    assertThat(doc.select("[data-testid=comparison] caption").text()).contains("side by side");
    assertThat(doc.selectFirst("tr[data-field=familyName]").attr("data-different"))
        .isEqualTo("true");
    assertThat(doc.selectFirst("tr[data-field=dateOfBirth]").attr("data-different"))
        .isEqualTo("false");
    assertThat(doc.select("input[type=radio][name=keep]").eachAttr("value"))
        .containsExactly(first.id().toString(), second.id().toString());

    Map<String, String> noChoice = new LinkedHashMap<>();
    noChoice.put("version", "0");
    noChoice.put("otherVersion", "0");
    WebSession.Page unchosen = browser.post(path, noChoice);
    assertThat(unchosen.status()).isEqualTo(200);
    assertThat(unchosen.document().select(".nhsuk-error-summary a").eachText())
        .containsExactly("Select the record to keep");
    assertThat(unchosen.document().select(".nhsuk-error-summary a").attr("href"))
        .isEqualTo("#keep");
    assertThat(merges(first.id())).isEmpty();

    Map<String, String> keepSecond = new LinkedHashMap<>(noChoice);
    keepSecond.put("keep", second.id().toString());
    WebSession.Page merged = browser.post(path, keepSecond);

    assertThat(merged.status()).isEqualTo(302);
    assertThat(merged.location()).endsWith("/people/" + second.id());
    WebSession.Page kept = browser.get("/people/" + second.id());
    assertThat(kept.document().select(".nhsuk-notification-banner").text())
        .contains("Records merged");
    assertThat(kept.document().select("[data-field=mobile] .nhsuk-summary-list__value").text())
        .isEqualTo("07700 900123");
    assertThat(merges(first.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).isEqualTo("Merged into " + second.id()));
  }

  @Test
  void aMergeFromAPageOpenedBeforeAChangeIsRefusedAndShowsTheRecordsAsTheyAreNow() {
    UUID pcn = aireValley();
    LocalDate dob = rareDateOfBirth();
    Person first = registered(pcn, someone("Mary", "Seacole", dob));
    Person second = registered(pcn, someone("Mary", "Seacole", dob));
    UserAccount manager = manager(pcn);
    as(
        manager,
        () ->
            people.update(
                second.id(), 0, someone("Mary", "Seacole", dob).preferredName("Molly").build()));
    WebSession browser = signedIn(manager);
    String path = "/people/" + first.id() + "/merge/" + second.id();

    WebSession.Page stale =
        browser.post(
            path, Map.of("keep", first.id().toString(), "version", "0", "otherVersion", "0"));

    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.document().select(".nhsuk-error-summary").text())
        .contains("One of the records changed after you opened this page");
    assertThat(stale.document().selectFirst("input[name=otherVersion]").attr("value"))
        .isEqualTo("1");
    assertThat(stale.document().selectFirst("tr[data-field=preferredName]").text())
        .contains("Molly");
    assertThat(
            count(
                "SELECT count(*) FROM person WHERE id = ? AND merged_into_id IS NULL", second.id()))
        .isEqualTo(1);
  }
}

package org.waymark.casework;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.support.BenchmarkApplication;
import org.waymark.support.WebSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times the casework pages and the referral API over a large synthetic service: the whole
 * application in-process on a random port, with its own embedded PostgreSQL in a fresh temporary
 * folder (never a developer's {@code .waymark}) and no demo data. One PCN with N link workers
 * (default 50, {@code -DlinkWorkers}), each holding {@code -DpeoplePerWorker} open cases (default
 * 250), each case with its person, its referral and {@code -DcontactsPerPerson} contacts (default
 * 10), plus notes, assessments and plan goals for a share of cases, all written with COPY.
 *
 * <p>Prints p50, p95, p99 and max of {@code GET /caseload} and {@code GET /cases/{id}} over HTTP
 * with a signed-in link worker's session, beside the execution times ({@code EXPLAIN ANALYZE}) of
 * the statements behind each page; then referrals per second through {@code POST /api/referrals}
 * with HTTP Basic, from 1 and from 4 client threads, beside the cost of one bcrypt check and the
 * rate of the bare referral insert.
 *
 * <p>Not a test: run it with {@code scripts/benchmark-casework.sh}. The goal is page p95 well under
 * a second.
 */
public final class CaseworkBenchmark {

  private static final String PASSWORD = "a-long-benchmark-password-for-waymark";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.now();

  private static final String[] GIVEN = {
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Grace",
    "Freya",
    "Lily",
    "Ivy",
    "Florence",
    "Noah",
    "Oliver",
    "George",
    "Arthur",
    "Leo",
    "Harry",
    "Oscar",
    "Archie",
    "Henry",
    "Theo",
    "Margaret",
    "Patricia",
    "Barbara",
    "Susan",
    "Dorothy",
    "John",
    "David",
    "Peter",
    "Michael",
    "Zoë",
    "Siobhán",
    "Mohammed",
    "Aisha",
    "Priya",
    "Wojciech",
    "Agnieszka",
    "Kwame",
    "Chloé"
  };
  private static final String[] FAMILY = {
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "Khan", "Ahmed", "Hussain", "O'Brien", "Nowak", "Kowalski",
    "Mensah", "Okafor", "Lewis", "Harrison", "Turner", "Hughes", "Ward", "Murphy", "Begum"
  };
  private static final String[] NEEDS = {
    "LONELINESS",
    "MONEY",
    "HOUSING",
    "MENTAL_WELLBEING",
    "PHYSICAL_ACTIVITY",
    "FOOD",
    "LONG_TERM_CONDITION",
    "CARER_SUPPORT",
    "EMPLOYMENT",
    "BEREAVEMENT",
    "TRANSPORT",
    "DIGITAL_INCLUSION",
    "LEGAL_ADVICE"
  };
  private static final String[] SOURCES = {
    "GP",
    "GP",
    "GP",
    "PRACTICE_NURSE",
    "OTHER_PRACTICE_STAFF",
    "COMMUNITY_PHARMACIST",
    "HOSPITAL",
    "MENTAL_HEALTH_SERVICE",
    "SOCIAL_CARE",
    "VCS",
    "SELF",
    "FAMILY_OR_CARER"
  };
  private static final String[] CONTACT_TYPES = {
    "FACE_TO_FACE_PRACTICE", "FACE_TO_FACE_PRACTICE", "HOME_VISIT", "COMMUNITY_VENUE", "PHONE",
    "PHONE", "PHONE", "VIDEO", "TEXT_OR_EMAIL", "GROUP_SESSION"
  };
  private static final String[] REASONS = {
    "Lives alone since her husband died and rarely goes out.",
    "Struggling with debts and worried about losing his flat.",
    "Recently diagnosed with type 2 diabetes; would like support to be more active.",
    "Cares for his mother full time and feels exhausted.",
    "Low mood after redundancy; keen to find volunteering.",
    "Frequent attender with back pain; isolated and anxious about going out."
  };
  private static final String[] CONTACT_NOTES = {
    "Talked through what matters most. Agreed to try the walking group on Tuesday.",
    "Went with them to the lunch club for the first time. Enjoyed it and will go again.",
    "Helped complete the benefits form; appointment booked with the advice service.",
    "Phoned to check in. Feeling a little better, sleeping more.",
    "Did not answer; left a voicemail and sent a text.",
    null
  };
  private static final String[] NOTE_BODIES = {
    "Spoke with the practice nurse about the referral. Nothing further needed from the GP.",
    "Called the housing officer, who will visit next week.",
    "Person asked that their daughter is not contacted.",
    "Food bank voucher issued. Follow up in two weeks.",
    "Discussed safeguarding concerns with the manager; no further action agreed."
  };
  private static final String[] GOALS = {
    "I want to get out of the house at least twice a week.",
    "I want to sort out my money so I stop worrying about the bills.",
    "I'd like to walk to the shops without getting out of breath.",
    "I want to meet people who like gardening.",
    "I want some time for myself away from caring."
  };
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private CaseworkBenchmark() {}

  public static void main(String[] args) throws Exception {
    int linkWorkers = Integer.getInteger("linkWorkers", 50);
    int peoplePerWorker = Integer.getInteger("peoplePerWorker", 250);
    int contactsPerPerson = Integer.getInteger("contactsPerPerson", 10);
    int runs = Integer.getInteger("runs", 200);
    int warmUp = Integer.getInteger("warmUp", 200);
    int seconds = Integer.getInteger("seconds", 20);

    BenchmarkApplication.run(
        "casework",
        (app, port) ->
            run(app, port, linkWorkers, peoplePerWorker, contactsPerPerson, runs, warmUp, seconds));
  }

  /** The PCN, its practices and accounts, made through the identity module as an admin would. */
  record Service(
      UUID pcn,
      List<UUID> practices,
      List<UserAccount> linkWorkers,
      UserAccount referrer,
      List<List<Case>> casesByWorker) {
    List<UUID> reachable() {
      List<UUID> all = new ArrayList<>();
      all.add(pcn);
      all.addAll(practices);
      return all;
    }
  }

  /** One generated case, with what the page queries need to be repeated bare. */
  record Case(UUID id, UUID personId, UUID referralId) {}

  private static void run(
      ConfigurableApplicationContext app,
      int port,
      int linkWorkers,
      int peoplePerWorker,
      int contactsPerPerson,
      int runs,
      int warmUp,
      int seconds)
      throws Exception {
    IdentityManagement identity = app.getBean(IdentityManagement.class);
    DataSource pool = app.getBean(DataSource.class);

    long t = System.nanoTime();
    Organisation pcn =
        identity.createOrganisation(
            OrganisationType.PCN, "Benchmark Valley PCN", "U99001", null, "LS1 4AP");
    List<UUID> practices = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      practices.add(
          identity
              .createOrganisation(
                  OrganisationType.GP_PRACTICE,
                  "Benchmark Surgery " + (i + 1),
                  "B9900" + (i + 1),
                  pcn.id(),
                  "LS" + (i + 2) + " 1AA")
              .id());
    }
    List<UserAccount> workers = new ArrayList<>();
    for (int i = 0; i < linkWorkers; i++) {
      UserAccount u =
          identity.createUser(
              "linkworker" + (i + 1) + "@benchmark.waymark.test",
              GIVEN[i % GIVEN.length] + " " + FAMILY[(i * 7) % FAMILY.length],
              PASSWORD);
      identity.addMembership(u.id(), pcn.id(), Role.LINK_WORKER);
      workers.add(u);
    }
    UserAccount referrer =
        identity.createUser("referrer@benchmark.waymark.test", "Dr Rhea Referrer", PASSWORD);
    identity.addMembership(referrer.id(), practices.get(0), Role.REFERRER);
    System.out.printf(
        Locale.UK,
        "1 PCN, %d practices and %d accounts made (bcrypt) in %.1f s%n",
        practices.size(),
        linkWorkers + 1,
        (System.nanoTime() - t) / 1e9);

    t = System.nanoTime();
    List<List<Case>> cases;
    Map<String, Long> counts;
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(true);
      counts = new LinkedHashMap<>();
      cases =
          generate(
              c,
              pcn.id(),
              practices,
              workers,
              referrer,
              peoplePerWorker,
              contactsPerPerson,
              new Random(20261204),
              counts);
      try (var s = c.createStatement()) {
        s.execute("VACUUM ANALYZE");
      }
    }
    System.out.printf(
        Locale.UK,
        "Generated and analysed in %.1f s: %s%n",
        (System.nanoTime() - t) / 1e9,
        String.join(
            ", ",
            counts.entrySet().stream()
                .map(e -> String.format(Locale.UK, "%,d %s", e.getValue(), e.getKey()))
                .toList()));
    Service service = new Service(pcn.id(), practices, workers, referrer, cases);

    String url;
    try (Connection c = pool.getConnection()) {
      url = c.getMetaData().getURL();
    }
    SingleConnectionDataSource bare = new SingleConnectionDataSource(url, "postgres", "", true);
    bare.setAutoCommit(true);
    JdbcClient jdbc = JdbcClient.create(bare);
    try {
      measurePages(service, port, jdbc, runs, warmUp);
      measureReferrals(app, service, port, jdbc, seconds);
    } finally {
      bare.destroy();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Pages

  /** The statements behind {@code /caseload}, as CaseloadStore and PersonRepository run them. */
  private static final String CASELOAD_CASES =
      """
      SELECT id, person_id, link_worker_id, status, referred_at, opened_at, first_contact_at, needs, version
       FROM casework_case WHERE organisation_id = :org AND link_worker_id = :worker AND status = :status
       ORDER BY referred_at, id LIMIT :limit
      """;

  private static final String CASELOAD_COUNTS =
      """
      SELECT count(*) AS open, count(*) FILTER (WHERE first_contact_at IS NULL) AS waiting
      FROM casework_case
      WHERE organisation_id = :org AND status = 'OPEN'
        AND (CAST(:worker AS uuid) IS NULL OR link_worker_id = :worker)
      """;

  private static final String PERSON_COLUMNS =
      """
      organisation_id, id, nhs_number, given_name, family_name, other_names, preferred_name, date_of_birth,
      sex, gender_same_as_sex, gender_identity, ethnicity, preferred_language, interpreter_needed,
      address_line_1, address_line_2, town, postcode, phone, phone_consent, mobile, sms_consent, email,
      email_consent, registered_practice_id, deceased, date_of_death, created_at, updated_at, version
      """;

  private static final String CASELOAD_PEOPLE =
      "SELECT "
          + PERSON_COLUMNS
          + " FROM person WHERE organisation_id = ANY(:orgs) AND id = ANY(:ids)";

  /** The statements behind {@code /cases/{id}}: CaseStore, PersonRepository, ReferralStore, ... */
  private static final String CASE_FIND =
      """
      SELECT organisation_id, id, referral_id, person_id, link_worker_id, status, opened_at,
        first_contact_at, closed_at, closure_reason, version FROM casework_case WHERE id = :id
      """;

  private static final String PERSON_FIND =
      "SELECT " + PERSON_COLUMNS + " FROM person WHERE id = :id";

  private static final String REFERRAL_FIND =
      """
      SELECT organisation_id, id, reference, person_id, person_as_referred::text AS person_as_referred,
      matched_by_nhs_number, channel, source, needs, reason, consent_to_share, consent_to_contact, urgency,
      preferred_contact_method, preferred_contact_times, safeguarding_concerns, referrer_user_id,
      referrer_organisation_id, referrer_name, referrer_job_title, referrer_organisation, referrer_phone,
      referrer_email, status, received_at, status_changed_at, decline_reason, signposting,
      information_request, discharge_summary, discharged_at, version
       FROM referral WHERE id = :id
      """;

  private static final String CASE_CONTACTS =
      """
      SELECT organisation_id, id, case_id, contact_type, contact_at, duration_minutes, outcome, notes,
      recorded_by, recorded_at, updated_by, updated_at, version
       FROM casework_contact WHERE organisation_id = :org AND case_id = :case
      ORDER BY contact_at DESC, recorded_at DESC
      """;

  private static final String CASE_NOTES =
      """
      SELECT organisation_id, id, case_id, body, sensitive, written_by, written_at, entered_in_error_at,
      entered_in_error_by, entered_in_error_reason
       FROM casework_note WHERE organisation_id = :org AND case_id = :case
      ORDER BY written_at DESC, id
      """;

  private static final String CASE_ASSESSMENT =
      """
      SELECT id, version, assessed_on, what_matters, recorded_by, recorded_at
      FROM casework_assessment WHERE organisation_id = :org AND case_id = :case
      ORDER BY version DESC LIMIT 1
      """;

  private static final String CASE_ASSESSMENT_NEEDS =
      """
      SELECT n.assessment_id, n.need, n.importance, n.going, n.in_their_words
      FROM casework_assessment_need n
      WHERE n.organisation_id = :org AND n.assessment_id = ANY (
        SELECT id FROM casework_assessment WHERE organisation_id = :org AND case_id = :case
        ORDER BY version DESC LIMIT 1)
      ORDER BY n.need
      """;

  private static void measurePages(
      Service service, int port, JdbcClient jdbc, int runs, int warmUp) {
    long t = System.nanoTime();
    List<WebSession> sessions = new ArrayList<>();
    for (UserAccount w : service.linkWorkers()) {
      WebSession s = new WebSession(port);
      WebSession.Page answer = s.signIn(w.email(), PASSWORD);
      if (answer.status() != 302
          || answer.location() == null
          || answer.location().contains("/login")) {
        throw new IllegalStateException("Sign-in failed for " + w.email() + ": " + answer);
      }
      sessions.add(s);
    }
    System.out.printf(
        Locale.UK,
        "%d link workers signed in through the form in %.1f s%n%n",
        sessions.size(),
        (System.nanoTime() - t) / 1e9);

    Random r = new Random(11);
    UUID org = service.pcn();
    UUID[] orgs = service.reachable().toArray(UUID[]::new);

    Sample caseloadPage = new Sample();
    Sample caseloadSql = new Sample();
    Map<String, Sample> caseloadParts = new LinkedHashMap<>();
    long rows = 0;
    for (int i = -warmUp; i < runs; i++) {
      int w = r.nextInt(sessions.size());
      long start = System.nanoTime();
      WebSession.Page page = sessions.get(w).get("/caseload");
      double ms = (System.nanoTime() - start) / 1e6;
      expectOk(page, "/caseload");
      if (i < 0) {
        continue;
      }
      caseloadPage.add(ms);
      rows += CASE_LINK.matcher(page.body()).results().count();
      UUID worker = service.linkWorkers().get(w).id();
      List<Case> theirs = service.casesByWorker().get(w);
      double sql = 0;
      sql +=
          part(
              caseloadParts,
              "casework_case: the caseload",
              explain(
                  jdbc,
                  CASELOAD_CASES,
                  Map.of("org", org, "worker", worker, "status", "OPEN", "limit", 500)));
      sql +=
          part(
              caseloadParts,
              "casework_case: open counts",
              explain(jdbc, CASELOAD_COUNTS, Map.of("org", org, "worker", worker)));
      sql +=
          part(
              caseloadParts,
              "person: the caseload's people",
              explain(
                  jdbc,
                  CASELOAD_PEOPLE,
                  Map.of(
                      "orgs",
                      orgs,
                      "ids",
                      theirs.stream().map(Case::personId).toArray(UUID[]::new))));
      caseloadSql.add(sql);
    }

    // The floor every page stands on: the filter chain and the session read, with no page work.
    Sample floor = new Sample();
    for (int i = -warmUp; i < runs; i++) {
      WebSession s = sessions.get(r.nextInt(sessions.size()));
      long start = System.nanoTime();
      WebSession.Page page = s.get("/css/waymark.css");
      double ms = (System.nanoTime() - start) / 1e6;
      expectOk(page, "/css/waymark.css");
      if (i >= 0) {
        floor.add(ms);
      }
    }

    Sample casePage = new Sample();
    Sample caseSql = new Sample();
    Map<String, Sample> caseParts = new LinkedHashMap<>();
    for (int i = -warmUp; i < runs; i++) {
      int w = r.nextInt(sessions.size());
      List<Case> theirs = service.casesByWorker().get(w);
      Case c = theirs.get(r.nextInt(theirs.size()));
      long start = System.nanoTime();
      WebSession.Page page = sessions.get(w).get("/cases/" + c.id());
      double ms = (System.nanoTime() - start) / 1e6;
      expectOk(page, "/cases/{id}");
      if (i < 0) {
        continue;
      }
      casePage.add(ms);
      Map<String, Object> byCase = Map.of("org", org, "case", c.id());
      double sql = 0;
      sql += part(caseParts, "casework_case by id", explain(jdbc, CASE_FIND, Map.of("id", c.id())));
      sql +=
          part(caseParts, "person by id", explain(jdbc, PERSON_FIND, Map.of("id", c.personId())));
      sql +=
          part(
              caseParts,
              "referral by id",
              explain(jdbc, REFERRAL_FIND, Map.of("id", c.referralId())));
      sql += part(caseParts, "contacts of the case", explain(jdbc, CASE_CONTACTS, byCase));
      sql += part(caseParts, "notes of the case", explain(jdbc, CASE_NOTES, byCase));
      sql += part(caseParts, "latest assessment", explain(jdbc, CASE_ASSESSMENT, byCase));
      sql += part(caseParts, "its assessed needs", explain(jdbc, CASE_ASSESSMENT_NEEDS, byCase));
      caseSql.add(sql);
    }

    System.out.printf(
        Locale.UK,
        "%-28s %8s %8s %8s %8s | %-9s %8s %8s%n",
        "page (HTTP, signed in)",
        "p50",
        "p95",
        "p99",
        "max",
        "bare SQL",
        "p50",
        "p95");
    report("GET /caseload", caseloadPage, caseloadSql);
    report("GET /cases/{id}", casePage, caseSql);
    report("GET /css/waymark.css", floor, null);
    System.out.printf(
        Locale.UK,
        "(%,d rows listed per caseload page on average; %d timed requests per page after %d warm-up)%n%n",
        rows / Math.max(1, runs),
        runs,
        warmUp);
    System.out.println("bare SQL per statement (EXPLAIN ANALYZE execution time, ms):");
    caseloadParts.forEach((name, s) -> reportPart("/caseload", name, s));
    caseParts.forEach((name, s) -> reportPart("/cases/{id}", name, s));
    System.out.println();
  }

  private static double part(Map<String, Sample> parts, String name, double ms) {
    parts.computeIfAbsent(name, k -> new Sample()).add(ms);
    return ms;
  }

  private static void expectOk(WebSession.Page page, String what) {
    if (page.status() != 200) {
      throw new IllegalStateException(what + " answered " + page.status() + ": " + page.location());
    }
  }

  private static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/[0-9a-f-]{36}\"");

  private static final Pattern EXECUTION_TIME =
      Pattern.compile("\"Execution Time\"\\s*:\\s*([0-9.]+)");

  /** The execution time PostgreSQL reports for the statement, in ms. */
  private static double explain(JdbcClient jdbc, String sql, Map<String, ?> params) {
    String plan =
        String.join(
            "\n",
            jdbc.sql("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + sql)
                .params(params)
                .query(String.class)
                .list());
    Matcher m = EXECUTION_TIME.matcher(plan);
    if (!m.find()) {
      throw new IllegalStateException("No execution time in " + plan);
    }
    return Double.parseDouble(m.group(1));
  }

  // ---------------------------------------------------------------------------------------------
  // Referrals through the API

  private static void measureReferrals(
      ConfigurableApplicationContext app, Service service, int port, JdbcClient jdbc, int seconds)
      throws Exception {
    // One bcrypt check, alone: what every HTTP Basic request pays before anything else.
    PasswordEncoder encoder = app.getBean(PasswordEncoder.class);
    String hash =
        jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id")
            .param("id", service.referrer().id())
            .query(String.class)
            .single();
    Sample bcrypt = new Sample();
    for (int i = -5; i < 30; i++) {
      long start = System.nanoTime();
      if (!encoder.matches(PASSWORD, hash)) {
        throw new IllegalStateException("The referrer's password does not match");
      }
      if (i >= 0) {
        bcrypt.add((System.nanoTime() - start) / 1e6);
      }
    }

    AtomicInteger nhs = new AtomicInteger(500_000);
    String authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (service.referrer().email() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    URI uri = URI.create("http://localhost:" + port + "/api/referrals");

    // Warm-up: the API's code paths, JSON mapping and connection pool.
    post(http, uri, authorization, nhs, 20);

    System.out.printf(
        Locale.UK,
        "%-28s %8s %8s %8s %8s %10s%n",
        "POST /api/referrals (Basic)",
        "p50",
        "p95",
        "p99",
        "max",
        "per second");
    for (int threads : new int[] {1, 4}) {
      Sample latency = new Sample();
      ConcurrentLinkedQueue<Double> times = new ConcurrentLinkedQueue<>();
      AtomicLong failures = new AtomicLong();
      long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      CountDownLatch done = new CountDownLatch(threads);
      long start = System.nanoTime();
      for (int i = 0; i < threads; i++) {
        new Thread(
                () -> {
                  try {
                    while (System.nanoTime() < deadline) {
                      long s = System.nanoTime();
                      int status = postOne(http, uri, authorization, nhs);
                      if (status == 201) {
                        times.add((System.nanoTime() - s) / 1e6);
                      } else {
                        failures.incrementAndGet();
                      }
                    }
                  } finally {
                    done.countDown();
                  }
                })
            .start();
      }
      done.await();
      double elapsed = (System.nanoTime() - start) / 1e9;
      times.forEach(latency::add);
      System.out.printf(
          Locale.UK,
          "%-28s %8.1f %8.1f %8.1f %8.1f %10.1f  (%,d created in %.1f s%s)%n",
          threads + (threads == 1 ? " client thread" : " client threads"),
          latency.pct(50),
          latency.pct(95),
          latency.pct(99),
          latency.max(),
          latency.size() / elapsed,
          latency.size(),
          elapsed,
          failures.get() == 0 ? "" : ", " + failures.get() + " FAILED");
    }
    System.out.printf(
        Locale.UK,
        "%-28s %8.1f %8.1f  (BCryptPasswordEncoder.matches alone, %s)%n",
        "one bcrypt check",
        bcrypt.pct(50),
        bcrypt.pct(95),
        hash.substring(0, Math.min(hash.length(), 14)) + "...");

    // The bare referral insert (ReferralStore.insert's statement), one connection, autocommit.
    String person =
        JSON.writeValueAsString(
            details("9990000019", "Robin", "Testperson", LocalDate.of(1950, 2, 3), service));
    int inserted = 0;
    long end = System.nanoTime() + Duration.ofSeconds(Math.max(2, seconds / 4)).toNanos();
    long start = System.nanoTime();
    while (System.nanoTime() < end) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("org", service.pcn());
      p.put("id", UUID.randomUUID());
      p.put("reference", reference(9_000_000 + inserted));
      p.put("personId", UUID.randomUUID());
      p.put("person", person);
      p.put("needs", new String[] {"LONELINESS", "MONEY"});
      p.put("referrerUserId", service.referrer().id());
      p.put("referrerOrgId", service.practices().get(0));
      inserted +=
          jdbc.sql(
                  """
                  INSERT INTO referral (organisation_id, id, reference, person_id, person_as_referred,
                    matched_by_nhs_number, channel, source, needs, reason, consent_to_share, consent_to_contact,
                    urgency, preferred_contact_method, preferred_contact_times, safeguarding_concerns,
                    referrer_user_id, referrer_organisation_id, referrer_name, referrer_job_title,
                    referrer_organisation, referrer_phone, referrer_email, status)
                  VALUES (:org, :id, :reference, :personId, CAST(:person AS jsonb), false, 'API', 'GP',
                    :needs, 'Lives alone and rarely goes out', true, true, 'ROUTINE', 'PHONE', 'Mornings', NULL,
                    :referrerUserId, :referrerOrgId, 'Dr Test', 'GP', 'Benchmark Surgery 1',
                    '01632 960999', 'dr.test@example.org', 'RECEIVED')
                  ON CONFLICT (organisation_id, reference) DO NOTHING
                  """)
              .params(p)
              .update();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.UK,
        "%-28s %37.1f  (the referral INSERT alone, one connection, a commit each)%n",
        "bare SQL referral insert",
        inserted / elapsed);
    long signIns = jdbc.sql("SELECT count(*) FROM sign_in_attempt").query(Long.class).single();
    System.out.printf(
        Locale.UK,
        "(%,d sign_in_attempt rows written: one per Basic request and per form sign-in)%n",
        signIns);
  }

  private static void post(HttpClient http, URI uri, String authorization, AtomicInteger nhs, int n)
      throws IOException, InterruptedException {
    for (int i = 0; i < n; i++) {
      int status = postOne(http, uri, authorization, nhs);
      if (status != 201) {
        throw new IllegalStateException("POST /api/referrals answered " + status);
      }
    }
  }

  private static int postOne(HttpClient http, URI uri, String authorization, AtomicInteger nhs) {
    String body =
        """
        {"person": {"nhsNumber": "%s", "givenName": "Robin", "familyName": "Testperson",
                    "dateOfBirth": "1950-02-03", "postcode": "LS2 7EY", "phone": "01632 960123",
                    "email": "robin.testperson@example.org"},
         "source": "GP", "needs": ["LONELINESS", "MONEY"], "reason": "Lives alone and rarely goes out",
         "consentToShare": true, "consentToContact": true, "urgency": "ROUTINE",
         "preferredContactMethod": "PHONE", "preferredContactTimes": "Mornings",
         "referrer": {"name": "Dr Test", "jobTitle": "GP", "organisation": "Benchmark Surgery 1",
                      "phone": "01632 960999", "email": "dr.test@example.org"}}
        """
            .formatted(nhsNumber(nhs));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        System.err.println("POST /api/referrals: " + answer.statusCode() + " " + answer.body());
      }
      return answer.statusCode();
    } catch (IOException e) {
      System.err.println("POST /api/referrals: " + e);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The next valid NHS number (modulus 11) in the 999 range, never issued to real patients. */
  private static String nhsNumber(AtomicInteger next) {
    while (true) {
      String nine = "999" + String.format(Locale.ROOT, "%06d", next.getAndIncrement());
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (nine.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - sum % 11;
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return nine + check;
      }
    }
  }

  /** A referral reference, {@code WM-XXXX-XXXX}, different for every n. */
  private static String reference(long n) {
    char[] c = new char[8];
    for (int i = 7; i >= 0; i--) {
      c[i] = ALPHABET[(int) (n % ALPHABET.length)];
      n /= ALPHABET.length;
    }
    return "WM-" + new String(c, 0, 4) + "-" + new String(c, 4, 4);
  }

  private static PersonDetails details(
      String nhs, String given, String family, LocalDate born, Service service) {
    return new PersonDetails(
        nhs,
        given,
        family,
        null,
        null,
        born,
        Sex.NOT_KNOWN,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        "LS2 7EY",
        "01632 960123",
        false,
        null,
        false,
        null,
        false,
        service.practices().get(0),
        false,
        null);
  }

  // ---------------------------------------------------------------------------------------------
  // Data

  /** Writes people, referrals, cases and their records with COPY; returns each worker's cases. */
  private static List<List<Case>> generate(
      Connection c,
      UUID pcn,
      List<UUID> practices,
      List<UserAccount> workers,
      UserAccount referrer,
      int perWorker,
      int contactsPerCase,
      Random r,
      Map<String, Long> counts)
      throws SQLException, IOException {
    var copy = c.unwrap(PGConnection.class).getCopyAPI();
    AtomicInteger nhs = new AtomicInteger(0);
    List<List<Case>> byWorker = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      byWorker.add(new ArrayList<>());
    }
    int total = workers.size() * perWorker;
    int batch = 2_500;
    long serial = 0;
    for (int from = 0; from < total; from += batch) {
      Copy person = new Copy();
      Copy referral = new Copy();
      Copy change = new Copy();
      Copy kase = new Copy();
      Copy assignment = new Copy();
      Copy contact = new Copy();
      Copy note = new Copy();
      Copy assessment = new Copy();
      Copy assessedNeed = new Copy();
      Copy goal = new Copy();
      Copy step = new Copy();
      for (int i = from; i < Math.min(total, from + batch); i++) {
        int w = i % workers.size();
        UUID worker = workers.get(w).id();
        UUID personId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        byWorker.get(w).add(new Case(caseId, personId, referralId));

        String nhsNumber = nhsNumber(nhs);
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        LocalDate born = LocalDate.of(1930 + r.nextInt(75), 1 + r.nextInt(12), 1 + r.nextInt(28));
        Sex sex = r.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        UUID practice = practices.get(r.nextInt(practices.size()));
        String postcode =
            "LS"
                + (1 + r.nextInt(28))
                + " "
                + r.nextInt(10)
                + ALPHABET[8 + r.nextInt(20)]
                + ALPHABET[8 + r.nextInt(20)];
        String phone = String.format(Locale.ROOT, "0113 496 %04d", r.nextInt(10_000));
        Instant referred =
            NOW.minus(60 + r.nextInt(480), ChronoUnit.DAYS).plusSeconds(r.nextInt(86_400));
        Instant opened = referred.plus(1 + r.nextInt(14), ChronoUnit.DAYS);
        person.row(
            pcn,
            personId,
            nhsNumber,
            given,
            family,
            born,
            sex.name(),
            postcode,
            phone,
            r.nextBoolean(),
            practice,
            referred);

        String[] needs = pick(r, NEEDS, 1 + r.nextInt(3));
        String channel =
            switch (r.nextInt(20)) {
              case 0, 1 -> "SELF_REFERRAL";
              case 2 -> "CSV_IMPORT";
              case 3, 4, 5, 6, 7 -> "API";
              default -> "WEB_FORM";
            };
        boolean professional = !channel.equals("SELF_REFERRAL");
        PersonDetails asReferred =
            new PersonDetails(
                nhsNumber, given, family, null, null, born, sex, null, null, null, null, false,
                null, null, null, postcode, phone, false, null, false, null, false, practice, false,
                null);
        referral.row(
            pcn,
            referralId,
            reference(serial++),
            personId,
            JSON.writeValueAsString(asReferred),
            channel,
            professional ? SOURCES[r.nextInt(SOURCES.length)] : "SELF",
            array(needs),
            REASONS[r.nextInt(REASONS.length)],
            r.nextInt(10) == 0 ? "URGENT" : "ROUTINE",
            "PHONE",
            professional ? referrer.id() : null,
            professional ? practices.get(0) : null,
            professional ? "Dr Rhea Referrer" : null,
            professional ? "01632 960999" : null,
            referred,
            opened,
            true,
            true,
            "ACCEPTED");
        change.row(
            pcn, referralId, null, "RECEIVED", referred, professional ? referrer.id() : null);
        change.row(pcn, referralId, "RECEIVED", "ACCEPTED", opened, worker);

        // Contacts, spread evenly from opening to now; a third of cases have the last one planned.
        boolean planned = r.nextInt(3) == 0;
        long span = Duration.between(opened, NOW).toMinutes();
        Instant firstAttended = null;
        for (int k = 0; k < contactsPerCase; k++) {
          boolean isPlanned = planned && k == contactsPerCase - 1;
          Instant at =
              isPlanned
                  ? NOW.plus(1 + r.nextInt(14), ChronoUnit.DAYS)
                  : opened.plus(
                      span * (k + 1) / (contactsPerCase + 1) + r.nextInt(600), ChronoUnit.MINUTES);
          at = at.truncatedTo(ChronoUnit.MINUTES);
          String outcome;
          if (isPlanned) {
            outcome = null;
          } else {
            int o = r.nextInt(100);
            outcome =
                o < 70
                    ? "ATTENDED"
                    : o < 85
                        ? "DID_NOT_ATTEND"
                        : o < 95 ? "CANCELLED_BY_PERSON" : "CANCELLED_BY_SERVICE";
          }
          if ("ATTENDED".equals(outcome) && (firstAttended == null || at.isBefore(firstAttended))) {
            firstAttended = at;
          }
          contact.row(
              pcn,
              UUID.randomUUID(),
              caseId,
              CONTACT_TYPES[r.nextInt(CONTACT_TYPES.length)],
              at,
              "ATTENDED".equals(outcome) ? 15 + 15 * r.nextInt(6) : null,
              outcome,
              outcome == null ? null : CONTACT_NOTES[r.nextInt(CONTACT_NOTES.length)],
              worker,
              isPlanned ? NOW.minus(r.nextInt(7), ChronoUnit.DAYS) : at.plus(2, ChronoUnit.HOURS));
        }
        kase.row(
            pcn,
            caseId,
            referralId,
            personId,
            worker,
            "OPEN",
            opened,
            firstAttended,
            referred,
            array(needs));
        assignment.row(pcn, caseId, worker, opened);

        for (int k = 0, n = r.nextInt(7); k < n; k++) {
          note.row(
              pcn,
              UUID.randomUUID(),
              caseId,
              NOTE_BODIES[r.nextInt(NOTE_BODIES.length)],
              r.nextInt(10) == 0,
              worker,
              opened.plus(r.nextInt((int) Math.max(1, span)), ChronoUnit.MINUTES));
        }
        if (r.nextInt(10) < 6) {
          int versions = r.nextInt(6) == 0 ? 2 : 1;
          for (int v = 1; v <= versions; v++) {
            UUID id = UUID.randomUUID();
            Instant at = opened.plus(7L * v, ChronoUnit.DAYS);
            assessment.row(
                pcn,
                id,
                caseId,
                v,
                LocalDate.ofInstant(at, java.time.ZoneOffset.UTC),
                "Seeing my grandchildren and getting back to the allotment.",
                worker,
                at);
            for (String need : pick(r, NEEDS, 2 + r.nextInt(3))) {
              assessedNeed.row(
                  pcn,
                  id,
                  need,
                  "A_LOT",
                  r.nextBoolean() ? "NOT_VERY_WELL" : "QUITE_WELL",
                  "It gets me down.");
            }
          }
        }
        if (r.nextInt(10) < 4) {
          for (int g = 0; g < 2; g++) {
            UUID goalId = UUID.randomUUID();
            Instant at = opened.plus(14, ChronoUnit.DAYS);
            goal.row(
                pcn,
                goalId,
                caseId,
                GOALS[r.nextInt(GOALS.length)],
                array(pick(r, needs, 1)),
                "ACTIVE",
                at,
                worker,
                at,
                worker);
            for (int s = 0; s < 2; s++) {
              step.row(
                  pcn,
                  UUID.randomUUID(),
                  caseId,
                  goalId,
                  s == 0 ? "Go to the Tuesday walking group" : "Phone the advice line",
                  s == 0 ? "PERSON" : "LINK_WORKER",
                  s == 0 ? "IN_PROGRESS" : "NOT_STARTED",
                  at,
                  worker,
                  at,
                  worker);
            }
          }
        }
      }
      person.into(
          copy,
          counts,
          "people",
          "person (organisation_id, id, nhs_number, given_name, family_name, date_of_birth, sex,"
              + " postcode, phone, phone_consent, registered_practice_id, created_at)");
      referral.into(
          copy,
          counts,
          "referrals",
          "referral (organisation_id, id, reference, person_id, person_as_referred, channel, source,"
              + " needs, reason, urgency, preferred_contact_method, referrer_user_id,"
              + " referrer_organisation_id, referrer_name, referrer_phone, received_at,"
              + " status_changed_at, consent_to_share, consent_to_contact, status)");
      change.into(
          copy,
          counts,
          "referral status changes",
          "referral_status_change (organisation_id, referral_id, from_status, to_status, changed_at,"
              + " changed_by)");
      kase.into(
          copy,
          counts,
          "cases",
          "casework_case (organisation_id, id, referral_id, person_id, link_worker_id, status,"
              + " opened_at, first_contact_at, referred_at, needs)");
      assignment.into(
          copy,
          counts,
          "assignments",
          "casework_assignment (organisation_id, case_id, link_worker_id, assigned_at)");
      contact.into(
          copy,
          counts,
          "contacts",
          "casework_contact (organisation_id, id, case_id, contact_type, contact_at,"
              + " duration_minutes, outcome, notes, recorded_by, recorded_at)");
      note.into(
          copy,
          counts,
          "notes",
          "casework_note (organisation_id, id, case_id, body, sensitive, written_by, written_at)");
      assessment.into(
          copy,
          counts,
          "assessments",
          "casework_assessment (organisation_id, id, case_id, version, assessed_on, what_matters,"
              + " recorded_by, recorded_at)");
      assessedNeed.into(
          copy,
          counts,
          "assessed needs",
          "casework_assessment_need (organisation_id, assessment_id, need, importance, going,"
              + " in_their_words)");
      goal.into(
          copy,
          counts,
          "plan goals",
          "casework_plan_goal (organisation_id, id, case_id, text, needs, status, created_at,"
              + " created_by, updated_at, updated_by)");
      step.into(
          copy,
          counts,
          "plan steps",
          "casework_plan_step (organisation_id, id, case_id, goal_id, text, owner, status,"
              + " created_at, created_by, updated_at, updated_by)");
    }
    return byWorker;
  }

  private static String[] pick(Random r, String[] from, int n) {
    List<String> all = new ArrayList<>(Arrays.asList(from));
    java.util.Collections.shuffle(all, r);
    return all.subList(0, Math.min(n, all.size())).toArray(String[]::new);
  }

  /** A PostgreSQL array literal of codes (no quoting needed: codes are upper case words). */
  private static String array(String[] codes) {
    return "{" + String.join(",", codes) + "}";
  }

  /** Rows in COPY's text format. */
  private static final class Copy {
    private final StringBuilder b = new StringBuilder();
    private long rows;

    void row(Object... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          b.append('\t');
        }
        Object v = values[i];
        if (v == null) {
          b.append("\\N");
        } else {
          String s = v.toString();
          for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            switch (ch) {
              case '\\' -> b.append("\\\\");
              case '\t' -> b.append("\\t");
              case '\n' -> b.append("\\n");
              case '\r' -> b.append("\\r");
              default -> b.append(ch);
            }
          }
        }
      }
      b.append('\n');
      rows++;
    }

    void into(
        org.postgresql.copy.CopyManager copy, Map<String, Long> counts, String what, String table)
        throws SQLException, IOException {
      if (rows > 0) {
        copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(b.toString()));
      }
      counts.merge(what, rows, Long::sum);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Figures

  /** Timings in ms. */
  private static final class Sample {
    private double[] values = new double[64];
    private int size;
    private boolean sorted;

    synchronized void add(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
      sorted = false;
    }

    synchronized int size() {
      return size;
    }

    synchronized double pct(int p) {
      if (size == 0) {
        return Double.NaN;
      }
      if (!sorted) {
        Arrays.sort(values, 0, size);
        sorted = true;
      }
      return values[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)];
    }

    double max() {
      return pct(100);
    }
  }

  private static void report(String name, Sample page, Sample sql) {
    System.out.printf(
        Locale.UK,
        "%-28s %8.1f %8.1f %8.1f %8.1f | %s%n",
        name,
        page.pct(50),
        page.pct(95),
        page.pct(99),
        page.max(),
        sql == null
            ? "(a static file, signed in: the floor)"
            : String.format(Locale.UK, "%-9s %8.2f %8.2f", "", sql.pct(50), sql.pct(95)));
  }

  private static void reportPart(String page, String name, Sample s) {
    System.out.printf(
        Locale.UK, "  %-12s %-32s p50 %7.2f  p95 %7.2f%n", page, name, s.pct(50), s.pct(95));
  }
}

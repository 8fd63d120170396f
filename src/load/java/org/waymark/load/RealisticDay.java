package org.waymark.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A realistic working day against a running Waymark, compressed: link workers (or managers) sign
 * in, open their caseload and cases and record contacts; others search the directory; GP systems
 * send referrals through the API; a regional platform harvests the Open Referral UK API page by
 * page. Rates are per second over {@code -Dduration} seconds (default 120), scaled by {@code
 * -Dscale} (default 1). Prints Gatling's throughput, p50, p95, p99 and errors per request.
 *
 * <p>Properties: {@code -DbaseUrl} (default http://localhost:8080), {@code -Dstaff} (a link worker
 * or manager with one membership, default manager@demo.waymark.test), {@code -Dreferrer} (default
 * referrer@demo.waymark.test), {@code -Dpassword} (both accounts', default WAYMARK_DEMO_PASSWORD).
 */
public class RealisticDay extends Simulation {

  static final String BASE = System.getProperty("baseUrl", "http://localhost:8080");
  static final String STAFF = System.getProperty("staff", "manager@demo.waymark.test");
  static final String REFERRER = System.getProperty("referrer", "referrer@demo.waymark.test");
  static final String PASSWORD =
      System.getProperty("password", System.getenv().getOrDefault("WAYMARK_DEMO_PASSWORD", ""));
  static final int DURATION = Integer.getInteger("duration", 120);
  static final double SCALE = Double.parseDouble(System.getProperty("scale", "1"));
  static final List<String> SEARCHES =
      List.of("walking", "befriending", "debt advice", "food bank", "carers", "art", "choir");
  static final List<String> POSTCODES = List.of("LS1 4AP", "BD3 9DA", "LS6 1AA", "HX1 1QE");

  HttpProtocolBuilder protocol =
      http.baseUrl(BASE)
          .acceptHeader("text/html,application/json")
          .disableFollowRedirect()
          .shareConnections();

  ChainBuilder signIn =
      exec(http("sign-in page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")))
          .exec(
              http("sign in")
                  .post("/login")
                  .formParam("username", STAFF)
                  .formParam("password", PASSWORD)
                  .formParam("_csrf", "#{csrf}")
                  .check(status().is(302)));

  ChainBuilder caseWork =
      exec(
              http("caseload")
                  .get("/caseload")
                  .check(status().is(200))
                  .check(regex("href=\"(/cases/[0-9a-f-]{36})\"").findRandom().saveAs("case")))
          .exec(
              http("case")
                  .get("#{case}")
                  .check(status().is(200))
                  .check(css("input[name=_csrf]", "value").saveAs("csrf")))
          .exec(
              session -> {
                LocalDate today = LocalDate.now();
                return session
                    .set("day", today.getDayOfMonth())
                    .set("month", today.getMonthValue())
                    .set("year", today.getYear());
              })
          .exec(
              http("record contact")
                  .post("#{case}/contacts")
                  .formParam("_csrf", "#{csrf}")
                  .formParam("type", "PHONE")
                  .formParam("dateDay", "#{day}")
                  .formParam("dateMonth", "#{month}")
                  .formParam("dateYear", "#{year}")
                  .formParam("hour", "00")
                  .formParam("minute", "05")
                  .formParam("outcome", "ATTENDED")
                  .formParam("durationMinutes", "15")
                  .formParam("notes", "Load test contact")
                  .check(status().in(200, 302)));

  ChainBuilder directory =
      exec(
          session ->
              session
                  .set("q", SEARCHES.get(ThreadLocalRandom.current().nextInt(SEARCHES.size())))
                  .set(
                      "postcode",
                      POSTCODES.get(ThreadLocalRandom.current().nextInt(POSTCODES.size()))))
          .exec(
              http("directory search")
                  .get("/directory")
                  .queryParam("q", "#{q}")
                  .queryParam("postcode", "#{postcode}")
                  .check(status().is(200)));

  ScenarioBuilder linkWorkers =
      scenario("link workers: caseload, case, contact")
          .exec(signIn)
          .exec(repeat(3).on(caseWork))
          .exec(directory);

  ScenarioBuilder searchers =
      scenario("directory searches").exec(signIn).exec(repeat(5).on(directory));

  ScenarioBuilder referrals =
      scenario("referrals by API")
          .exec(session -> session.set("key", UUID.randomUUID().toString()))
          .exec(
              http("referral by API")
                  .post("/api/referrals")
                  .header("Authorization", basic(REFERRER, PASSWORD))
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", "#{key}")
                  .body(
                      StringBody(
                          """
                          {"person": {"givenName": "Load", "familyName": "Tested",
                            "dateOfBirth": "1950-02-03", "postcode": "BD3 9DA",
                            "phone": "01632 960123"},
                           "source": "GP", "needs": ["LONELINESS"], "reason": "Load test",
                           "consentToShare": true, "consentToContact": true,
                           "urgency": "ROUTINE",
                           "referrer": {"name": "Dr Load", "jobTitle": "GP",
                             "organisation": "Hillside Health Centre", "phone": "01632 960999"}}
                          """))
                  .check(status().is(201)));

  ScenarioBuilder harvest =
      scenario("ORUK harvest")
          .exec(
              http("ORUK first page")
                  .get("/oruk/services?per_page=50&page=1")
                  .check(status().is(200))
                  .check(jsonPath("$.total_pages").ofInt().saveAs("pages")))
          .exec(
              repeat(session -> Math.min(session.getInt("pages"), 20), "p")
                  .on(
                      exec(
                          http("ORUK page")
                              .get(
                                  session ->
                                      "/oruk/services?per_page=50&page="
                                          + (session.getInt("p") + 1))
                              .check(status().is(200)))));

  {
    Duration d = Duration.ofSeconds(DURATION);
    setUp(
            linkWorkers.injectOpen(constantUsersPerSec(1.0 * SCALE).during(d)),
            searchers.injectOpen(constantUsersPerSec(0.5 * SCALE).during(d)),
            referrals.injectOpen(constantUsersPerSec(0.5 * SCALE).during(d)),
            harvest.injectOpen(constantUsersPerSec(0.02 * SCALE).during(d)))
        .protocols(protocol)
        .assertions(
            global().failedRequests().percent().lt(1.0),
            details("caseload").responseTime().percentile(95.0).lt(1000));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}

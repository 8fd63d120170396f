package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waymark.WaymarkApplication;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestDatabase;
import org.waymark.support.WebSession;

/**
 * Faults: the application killed (SIGKILL) in the middle of writes loses no write it acknowledged
 * and leaves none half-written; PostgreSQL stopped under load gives clean error pages, never a
 * stack trace, and the application recovers by itself when it is back, sessions included.
 */
class FaultToleranceTests {

  static final String REFERRAL =
      """
      {"person": {"givenName": "Kill", "familyName": "Test%s", "dateOfBirth": "1950-02-03",
                  "postcode": "BD3 9DA", "phone": "01632 960123"},
       "source": "GP", "needs": ["LONELINESS"], "reason": "Fault test",
       "consentToShare": true, "consentToContact": true, "urgency": "ROUTINE",
       "referrer": {"name": "Dr Test", "jobTitle": "GP", "organisation": "Hillside Health Centre",
                    "phone": "01632 960999"}}
      """;

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static HttpResponse<String> post(HttpClient http, int port, String body) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                ("referrer@demo.waymark.test:" + DemoAccounts.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals"))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void killedInTheMiddleOfWritesTheApplicationLosesNoAcknowledgedWrite() throws Exception {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            WaymarkApplication.class.getName(),
            "--server.port=" + port,
            "--spring.datasource.url=" + TestDatabase.url(),
            "--spring.datasource.username=" + TestDatabase.username(),
            "--spring.datasource.password=" + TestDatabase.password(),
            "--waymark.demo.enabled=true",
            "--waymark.demo.password=" + DemoAccounts.PASSWORD,
            // The demo's accounts are enough; its directory feeds would only slow the start.
            "--waymark.demo.directory-feeds=target/no-directory-feeds",
            "--spring.main.banner-mode=off");
    File log = Files.createTempFile("waymark-killed-", ".log").toFile();
    Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    HttpClient http = HttpClient.newHttpClient();
    List<String> acknowledged = new ArrayList<>();
    String run = UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "k");
    try {
      Instant ready = Instant.now().plus(Duration.ofMinutes(3));
      while (true) {
        try {
          if (http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://localhost:" + port + "/actuator/health"))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .statusCode()
              == 200) {
            break;
          }
        } catch (IOException notYet) {
          // Still starting.
        }
        assertThat(Instant.now()).as("started; see " + log).isBefore(ready);
        assertThat(app.isAlive()).as("running; see " + log).isTrue();
        Thread.sleep(250);
      }
      // Writes in a background thread; the process is killed while they go on.
      Thread writer =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  try {
                    HttpResponse<String> r = post(http, port, REFERRAL.formatted(run));
                    if (r.statusCode() == 201) {
                      String id =
                          r.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
                      synchronized (acknowledged) {
                        acknowledged.add(id);
                      }
                    }
                  } catch (Exception killed) {
                    return;
                  }
                }
              });
      writer.start();
      Instant until = Instant.now().plus(Duration.ofSeconds(20));
      while (true) {
        synchronized (acknowledged) {
          if (acknowledged.size() >= 20 || Instant.now().isAfter(until)) {
            break;
          }
        }
        Thread.sleep(50);
      }
      app.destroyForcibly(); // SIGKILL: no shutdown hooks, no graceful close.
      app.waitFor();
      writer.join(30_000);
    } finally {
      app.destroyForcibly();
    }
    List<String> acked;
    synchronized (acknowledged) {
      acked = List.copyOf(acknowledged);
    }
    assertThat(acked).as("writes acknowledged before the kill").isNotEmpty();
    try (Connection c =
        DriverManager.getConnection(
            TestDatabase.url(), TestDatabase.username(), TestDatabase.password())) {
      for (String id : acked) {
        try (PreparedStatement s =
            c.prepareStatement(
                """
                SELECT count(*) FROM referral r
                JOIN person p ON p.organisation_id = r.organisation_id AND p.id = r.person_id
                JOIN referral_status_change h
                  ON h.organisation_id = r.organisation_id AND h.referral_id = r.id
                WHERE r.id = ?::uuid
                """)) {
          s.setString(1, id);
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).as("acknowledged referral " + id).isEqualTo(1);
          }
        }
      }
      // Nothing half-written: every referral of this run has its person and its history.
      try (PreparedStatement s =
          c.prepareStatement(
              """
              SELECT count(*) FROM referral r
              JOIN person p ON p.organisation_id = r.organisation_id AND p.id = r.person_id
              WHERE p.family_name = ? AND NOT EXISTS (
                SELECT 1 FROM referral_status_change h
                WHERE h.organisation_id = r.organisation_id AND h.referral_id = r.id)
              """)) {
        s.setString(1, "Test" + run);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          assertThat(rs.getLong(1)).isZero();
        }
      }
    }
  }

  @Test
  void postgresStoppedUnderLoadGivesCleanErrorsAndTheApplicationRecoversByItself(@TempDir Path data)
      throws Exception {
    int dbPort = freePort();
    EmbeddedPostgres postgres = start(data, dbPort);
    ConfigurableApplicationContext app = null;
    try {
      app =
          new SpringApplicationBuilder(WaymarkApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password=",
                  "--spring.datasource.hikari.connection-timeout=2000",
                  "--waymark.demo.enabled=true",
                  "--waymark.demo.password=" + DemoAccounts.PASSWORD,
                  "--waymark.demo.directory-feeds=target/no-directory-feeds",
                  "--spring.main.banner-mode=off");
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      WebSession manager = new WebSession(port);
      manager.signIn("manager@demo.waymark.test", DemoAccounts.PASSWORD);
      assertThat(manager.get("/caseload").status()).isEqualTo(200);

      postgres.close();
      // The request that finds its connection broken may fail while the session is being saved,
      // after the answer has begun (a plain 500); once the pool has no connection to give, the
      // answer is 503 with the busy page.
      int busy = 0;
      for (int i = 0; i < 5; i++) {
        WebSession.Page down = manager.get("/caseload");
        assertThat(down.status()).as("while the database is down").isIn(500, 503);
        assertThat(down.body())
            .as("a clean error page")
            .doesNotContain("Exception", "at org.", "at java.", "SQLState");
        if (down.status() == 503) {
          assertThat(down.header("Retry-After")).contains("30");
          assertThat(down.body()).contains("Sorry, the service is busy");
          busy++;
        }
      }
      assertThat(busy).as("requests answered 503 while the database is down").isPositive();
      WebSession.Page health = new WebSession(port).get("/actuator/health");
      assertThat(health.status()).isEqualTo(503);

      postgres = start(data, dbPort);
      Instant until = Instant.now().plus(Duration.ofSeconds(60));
      int status = 0;
      while (Instant.now().isBefore(until)) {
        status = manager.get("/caseload").status();
        if (status == 200) {
          break;
        }
        Thread.sleep(500);
      }
      assertThat(status)
          .as("the same session works again once the database is back")
          .isEqualTo(200);
      assertThat(new WebSession(port).get("/actuator/health").status()).isEqualTo(200);
    } finally {
      if (app != null) {
        app.close();
      }
      postgres.close();
    }
  }

  static EmbeddedPostgres start(Path data, int port) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setRegisterShutdownHook(false)
        .start();
  }
}

package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.WaymarkApplication;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.support.TestDatabase;
import org.waymark.support.WebSession;

/**
 * The two ways Waymark runs: on its own embedded PostgreSQL (no {@code SPRING_DATASOURCE_URL}),
 * with data that survives a restart and demo data on first start; and on an external PostgreSQL
 * server.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseModeTests {

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(WaymarkApplication.class).run(args);
  }

  private static int port(ConfigurableApplicationContext app) {
    return ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  @Test
  void embeddedDatabaseKeepsItsDataAcrossRestartsAndLoadsDemoDataOnce(
      @TempDir Path dataDir, CapturedOutput output) {
    // Where user namespaces are unavailable, CI runs every test on Debian's PostgreSQL instead.
    assumeTrue(
        System.getenv("WAYMARK_TEST_DATABASE_URL") == null,
        "embedded PostgreSQL is not available here");
    String[] args = {
      "--spring.datasource.url=",
      "--server.port=0",
      "--waymark.data-dir=" + dataDir,
      "--waymark.demo.enabled=",
      "--waymark.demo.password="
    };
    String name = "Persistent PCN " + UUID.randomUUID();
    try (ConfigurableApplicationContext first = start(args)) {
      assertThat(first.getBean(DatabaseMode.class).embedded()).isTrue();
      assertThat(new WebSession(port(first)).get("/actuator/health").body())
          .contains("\"status\":\"UP\"");
      first
          .getBean(IdentityManagement.class)
          .createOrganisation(OrganisationType.PCN, name, null, null, null);
      assertThat(first.getBean(IdentityManagement.class).searchUsers("admin@demo.waymark.test"))
          .hasSize(1);
    }
    assertThat(Files.exists(dataDir.resolve("pgdata").resolve("PG_VERSION"))).isTrue();
    assertThat(output.getOut()).containsOnlyOnce("The demo accounts' password");

    try (ConfigurableApplicationContext second = start(args)) {
      IdentityManagement identity = second.getBean(IdentityManagement.class);
      assertThat(identity.organisations()).extracting(Organisation::name).contains(name);
      // Demo data is loaded on the first start only: no duplicate, no second password.
      assertThat(identity.searchUsers("admin@demo.waymark.test")).hasSize(1);
    }
    assertThat(output.getOut()).containsOnlyOnce("The demo accounts' password");
  }

  @Test
  void externalDatabaseIsUsedWhenConfiguredWithNoDemoDataByDefault() throws Exception {
    String url = System.getenv("WAYMARK_EXTERNAL_DATABASE_URL");
    String user = System.getenv("WAYMARK_EXTERNAL_DATABASE_USERNAME");
    String password = System.getenv("WAYMARK_EXTERNAL_DATABASE_PASSWORD");
    if (url == null || url.isBlank()) {
      // Without a server of its own, the test's PostgreSQL plays the external server, in a new
      // database.
      String database = "waymark_external_" + UUID.randomUUID().toString().replace("-", "");
      try (Connection c =
          DriverManager.getConnection(
              TestDatabase.url(), TestDatabase.username(), TestDatabase.password())) {
        c.createStatement().execute("CREATE DATABASE " + database);
      }
      url = TestDatabase.url().replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/" + database + "$1");
      user = TestDatabase.username();
      password = TestDatabase.password();
    }
    try (ConfigurableApplicationContext app =
        start(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + user,
            "--spring.datasource.password=" + (password == null ? "" : password),
            "--server.port=0",
            "--waymark.demo.enabled=")) {
      assertThat(app.getBean(DatabaseMode.class).embedded()).isFalse();
      assertThat(new WebSession(port(app)).get("/actuator/health").body())
          .contains("\"status\":\"UP\"");
      JdbcClient jdbc = app.getBean(JdbcClient.class);
      List<String> histories =
          jdbc.sql(
                  "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'flyway%' ORDER BY 1")
              .query(String.class)
              .list();
      assertThat(histories)
          .contains("flyway_schema_history", "flyway_history_identity", "flyway_history_audit");
      assertThat(app.getBean(IdentityManagement.class).searchUsers("@demo.waymark.test")).isEmpty();
    }
  }
}

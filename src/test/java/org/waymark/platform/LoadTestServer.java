package org.waymark.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryImports;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.reporting.NationalDataset;
import org.waymark.reporting.ReportingRefresh;
import org.waymark.support.BenchmarkApplication;

/**
 * The application on a fresh embedded PostgreSQL filled with the national dataset (sizes as for
 * {@link NationalDataset}), the two council directory feeds imported, for a load test to run
 * against. Writes target/load-test-server.properties (the address and accounts) when ready and
 * stops when target/load-test-server.stop appears. Not a test: run by scripts/load-test.sh.
 */
public final class LoadTestServer {

  static final String PASSWORD = "a-long-load-test-password-for-waymark";

  private LoadTestServer() {}

  public static void main(String[] args) throws Exception {
    Path ready = Path.of("target/load-test-server.properties");
    Path stop = Path.of("target/load-test-server.stop");
    Files.deleteIfExists(ready);
    Files.deleteIfExists(stop);
    BenchmarkApplication.run(
        "load",
        (app, port) -> {
          JdbcClient jdbc = app.getBean(JdbcClient.class);
          IdentityManagement identity = app.getBean(IdentityManagement.class);
          NationalDataset dataset =
              new NationalDataset(
                  app.getBean(DataSource.class), NationalDataset.Sizes.fromSystemProperties());
          dataset.generate();
          jdbc.sql("VACUUM ANALYZE").update();
          NationalDataset.Subjects subjects = dataset.subjects();

          Path feeds = Path.of("../shared/reference/directory-feeds");
          if (Files.isDirectory(feeds)) {
            try (var files = Files.list(feeds)) {
              for (Path feed : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                app.getBean(DirectoryImports.class)
                    .importFile(
                        DirectoryImports.Format.ORUK_1_JSON,
                        feed.getFileName().toString(),
                        feed,
                        null);
              }
            }
          }

          // The PCN's link worker with the most open cases signs in as the link workers do.
          UUID linkWorker =
              jdbc.sql(
                      """
                      SELECT link_worker_id FROM casework_case
                      WHERE organisation_id = :pcn AND status = 'OPEN'
                      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1
                      """)
                  .param("pcn", subjects.pcn())
                  .query(UUID.class)
                  .single();
          identity.changePassword(linkWorker, PASSWORD);
          String staff = identity.user(linkWorker).map(UserAccount::email).orElseThrow();
          List<Organisation> practices = identity.memberPractices(subjects.pcn());
          UserAccount referrer =
              identity.createUser("referrer@load.waymark.test", "Load Referrer", PASSWORD);
          identity.addMembership(referrer.id(), practices.get(0).id(), Role.REFERRER);

          long t = System.nanoTime();
          app.getBean(ReportingRefresh.class).refreshAll();
          System.out.printf(
              Locale.UK, "Reporting summaries built in %.1f s%n", (System.nanoTime() - t) / 1e9);

          Files.writeString(
              ready,
              "BASE_URL=http://localhost:%d%nSTAFF=%s%nREFERRER=%s%nPASSWORD=%s%n"
                  .formatted(port, staff, referrer.email(), PASSWORD));
          System.out.println("READY on port " + port + " as " + staff);
          while (!Files.exists(stop)) {
            Thread.sleep(500);
          }
        });
  }
}

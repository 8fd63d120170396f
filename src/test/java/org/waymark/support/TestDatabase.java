package org.waymark.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real PostgreSQL for the whole test run, shared by every Spring context. With {@code
 * WAYMARK_TEST_DATABASE_URL} set (CI's fallback where user namespaces are unavailable, or a run
 * against Debian's PostgreSQL), tests use that server; otherwise a PostgreSQL 15 from the embedded
 * binaries is started once, in a fresh folder under {@code target/}.
 */
public final class TestDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static String url;
  private static String username;
  private static String password;
  private static EmbeddedPostgres embedded;
  private static int contextsUsingEmbedded;
  private static boolean exiting;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ensureStarted();
    TestPropertyValues.of(
            "spring.datasource.url=" + url,
            "spring.datasource.username=" + username,
            "spring.datasource.password=" + password)
        .applyTo(context.getEnvironment());
    if (embedded != null
        && context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      contextUsesEmbedded();
      // Registered before any bean, so released after all of them: beans still use the database
      // while
      // the context closes (the event publication registry does), and it must outlive them.
      registry.registerDisposableBean(
          TestDatabase.class.getName(), TestDatabase::contextReleasesEmbedded);
    }
  }

  /** The JDBC URL of the test server, starting it if needed. */
  public static synchronized String url() {
    ensureStarted();
    return url;
  }

  public static synchronized String username() {
    ensureStarted();
    return username;
  }

  public static synchronized String password() {
    ensureStarted();
    return password;
  }

  private static synchronized void ensureStarted() {
    if (url != null) {
      return;
    }
    String external = System.getenv("WAYMARK_TEST_DATABASE_URL");
    if (external != null && !external.isBlank()) {
      url = external;
      username = env("WAYMARK_TEST_DATABASE_USERNAME", "waymark");
      password = env("WAYMARK_TEST_DATABASE_PASSWORD", "waymark");
      return;
    }
    try {
      Path dir =
          Files.createTempDirectory(Path.of("target").toAbsolutePath().normalize(), "test-pg-");
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              .setServerConfig("max_connections", "300")
              // Its own shutdown hook would stop it while contexts are still closing; see below.
              .setRegisterShutdownHook(false)
              .start();
      embedded = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::exiting, "test-postgres-stop"));
      url = postgres.getJdbcUrl("postgres", "postgres");
      username = "postgres";
      password = "";
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the test PostgreSQL", e);
    }
  }

  private static synchronized void contextUsesEmbedded() {
    contextsUsingEmbedded++;
  }

  private static synchronized void contextReleasesEmbedded() {
    contextsUsingEmbedded--;
    stopIfUnused();
  }

  private static synchronized void exiting() {
    exiting = true;
    stopIfUnused();
  }

  /**
   * Stops the embedded server when the JVM exits, once no context uses it any more: from the exit
   * hook if every context is closed already, otherwise when the last one closes.
   */
  private static synchronized void stopIfUnused() {
    if (exiting && embedded != null && contextsUsingEmbedded <= 0) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stop the test PostgreSQL", e);
      } finally {
        embedded = null;
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}

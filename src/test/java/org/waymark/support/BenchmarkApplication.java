package org.waymark.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.waymark.WaymarkApplication;
import org.waymark.platform.DatabaseMode;

/**
 * The whole application for a benchmark: in-process on a random port, on its own fresh embedded
 * PostgreSQL in a temporary folder that is removed afterwards, without demo data.
 */
public final class BenchmarkApplication {

  /** What a benchmark does with the running application. */
  @FunctionalInterface
  public interface Work {
    void run(ConfigurableApplicationContext app, int port) throws Exception;
  }

  private BenchmarkApplication() {}

  /**
   * Starts the application, runs the work and stops it again.
   *
   * @param name names the temporary folder, for example {@code connections}
   */
  public static void run(String name, Work work) throws Exception {
    Path dir = Files.createTempDirectory("waymark-" + name + "-benchmark-");
    long started = System.nanoTime();
    // Command-line arguments outrank the environment: a SPRING_DATASOURCE_URL or
    // WAYMARK_DATA_DIR set in the shell must not point the benchmark at real data.
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(WaymarkApplication.class)
            .logStartupInfo(false)
            .run(
                "--spring.datasource.url=",
                "--waymark.data-dir=" + dir.toAbsolutePath(),
                "--waymark.demo.enabled=false",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.org.waymark=WARN");
    try {
      if (!app.getBean(DatabaseMode.class).embedded()) {
        throw new IllegalStateException("The benchmark runs on a fresh embedded database only");
      }
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      System.out.printf(
          Locale.UK,
          "Application started on port %d with its database in %s in %.1f s%n",
          port,
          dir,
          (System.nanoTime() - started) / 1e9);
      work.run(app, port);
    } finally {
      app.close();
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not remove " + dir + ": " + e.getMessage());
    }
  }
}

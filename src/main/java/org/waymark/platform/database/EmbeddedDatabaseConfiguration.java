package org.waymark.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code SPRING_DATASOURCE_URL}, starts a real PostgreSQL 15 from the embedded binaries
 * with its data kept in {@code WAYMARK_DATA_DIR}, so a first run needs no set-up and data survives
 * restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  // Closed by Spring after every bean that uses it; a JVM shutdown hook would stop it too early.
  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(@Value("${waymark.data-dir}") String dataDir)
      throws IOException {
    Path pgData = Path.of(dataDir).toAbsolutePath().normalize().resolve("pgdata");
    Files.createDirectories(pgData.getParent());
    boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
    log.info("Starting embedded PostgreSQL with data in {}{}", pgData, fresh ? " (new)" : "");
    return EmbeddedPostgres.builder()
        .setDataDirectory(pgData)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("max_connections", "100")
        .start();
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setPoolName("waymark");
    config.setMaximumPoolSize(10);
    return new EmbeddedHikariDataSource(config);
  }

  /** Marks the pool as the embedded one, so other parts can tell which mode is running. */
  static final class EmbeddedHikariDataSource extends HikariDataSource implements EmbeddedDatabase {
    EmbeddedHikariDataSource(HikariConfig config) {
      super(config);
    }
  }
}

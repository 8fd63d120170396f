package org.waymark.directory.internal.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;

/** Shared helpers for the import tests: reference data, unique source names, row counts. */
final class ImportFixtures {

  static final Path REFERENCE = Path.of("../shared/reference");
  static final Path FEEDS = REFERENCE.resolve("directory-feeds");
  static final Path ORUK = REFERENCE.resolve("oruk-3.0");
  static final UUID DEPLOYMENT = AuditLog.DEPLOYMENT;

  private ImportFixtures() {}

  /** A source name no other test (or earlier run) uses. */
  static String uniqueSource(String prefix) {
    return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static long count(JdbcClient jdbc, String table, String source) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE source = :source")
        .param("source", source)
        .query(Long.class)
        .single();
  }

  /** The Waymark id an import gives a source record. */
  static UUID id(String source, String entity, String sourceId) {
    return WriteContext.ids(DEPLOYMENT, source, entity, sourceId);
  }
}

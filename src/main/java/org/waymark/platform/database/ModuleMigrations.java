package org.waymark.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs each module's migrations ({@code db/migration/<module>/V<n>__*.sql}) with its own history
 * table, so modules number their migrations independently. {@code __root} (shared infrastructure
 * such as the session and event tables) runs first, then the modules in name order: modules own
 * their tables and no migration refers to another module's tables, so no other order is needed.
 */
@Component
class ModuleMigrations implements FlywayMigrationStrategy {

  static final String ROOT = "__root";
  private static final Pattern FOLDER = Pattern.compile("db/migration/([a-z_]+)/[^/]+\\.sql$");

  @Override
  public void migrate(Flyway configured) {
    for (String module : modules()) {
      String table = ROOT.equals(module) ? "flyway_schema_history" : "flyway_history_" + module;
      Flyway.configure(configured.getConfiguration().getClassLoader())
          .configuration(configured.getConfiguration())
          .locations("classpath:db/migration/" + module)
          .table(table)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    }
  }

  /** The migration folders on the class path: {@code __root} first, then modules by name. */
  static List<String> modules() {
    try {
      Resource[] scripts =
          new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql");
      TreeSet<String> names = new TreeSet<>();
      for (Resource script : scripts) {
        Matcher m = FOLDER.matcher(script.getURL().toString());
        if (m.find()) {
          names.add(m.group(1));
        }
      }
      List<String> ordered = new ArrayList<>();
      if (names.remove(ROOT)) {
        ordered.add(ROOT);
      }
      ordered.addAll(names);
      return ordered;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list migration folders", e);
    }
  }
}

package org.waymark.directory.search;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.waymark.support.TestDatabase;

/**
 * A database of its own on the test PostgreSQL server with only the directory's tables, for what
 * the shared database cannot show: a directory before any postcodes have been loaded.
 */
final class EmptyDirectoryDatabase {

  final JdbcClient jdbc;
  final DataSourceTransactionManager transactions;

  private EmptyDirectoryDatabase(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new DataSourceTransactionManager(dataSource);
  }

  /** Creates the database (named uniquely) and runs the directory's migrations in it. */
  static EmptyDirectoryDatabase create(JdbcClient shared) {
    String name = "directory_" + UUID.randomUUID().toString().replace("-", "");
    shared.sql("CREATE DATABASE " + name).update();
    String url = TestDatabase.url().replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
    DataSource ds =
        new SimpleDriverDataSource(
            new org.postgresql.Driver(), url, TestDatabase.username(), TestDatabase.password());
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration/directory")
        .table("flyway_history_directory")
        .load()
        .migrate();
    return new EmptyDirectoryDatabase(ds);
  }
}

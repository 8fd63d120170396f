package org.waymark.directory.internal.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL session advisory locks, so that only one instance does a piece of work at a time. The
 * lock is held on a connection of its own for as long as the work runs, and released however the
 * work ends (or by PostgreSQL, if the instance dies).
 */
@Component
class AdvisoryLocks {

  private final DataSource dataSource;

  AdvisoryLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs the work if the lock is free; empty if another session holds it. */
  <T> Optional<T> tryWith(String name, Supplier<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (!call(c, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(work.get());
      } finally {
        call(c, "SELECT pg_advisory_unlock(hashtext(?))", name);
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Advisory lock " + name, e);
    }
  }

  /** True if the lock is free right now (for tests and diagnostics). */
  boolean isFree(String name) {
    return tryWith(name, () -> Boolean.TRUE).isPresent();
  }

  private static boolean call(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}

package org.waymark.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits what one network address may do: at most {@code max} counted attempts within {@code
 * window}, kept in PostgreSQL so every instance sees the same counts. A module extends it with its
 * own table (organisation_id for the deployment, remote_address, a timestamp column) and purges old
 * rows on a schedule of its own.
 */
public abstract class AddressThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int max;
  private final Duration window;
  private final String table;
  private final String timeColumn;

  /**
   * @param table the module's table of attempts; a constant, never user input
   * @param timeColumn its column with each attempt's time
   */
  protected AddressThrottle(
      JdbcClient jdbc, Clock clock, int max, Duration window, String table, String timeColumn) {
    if (!table.matches("[a-z_]+") || !timeColumn.matches("[a-z_]+")) {
      throw new IllegalArgumentException("Not a table or column name");
    }
    this.jdbc = jdbc;
    this.clock = clock;
    this.max = max;
    this.window = window;
    this.table = table;
    this.timeColumn = timeColumn;
  }

  /** Whether this address has used up its attempts for now. */
  public boolean exhausted(String address) {
    return count(key(address)) >= max;
  }

  /**
   * Counts one attempt from this address, unless it has used up its attempts. Concurrent calls for
   * one address are taken in turn, so the limit holds under a burst.
   *
   * @return false if the address has used up its attempts (nothing counted)
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean tryCount(String address) {
    String key = key(address);
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))")
        .params(table, key)
        .query((rs, n) -> 1)
        .single();
    if (count(key) >= max) {
      return false;
    }
    jdbc.sql("INSERT INTO " + table + " (remote_address, " + timeColumn + ") VALUES (?, ?)")
        .params(key, Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  /** Removes attempts older than a day, which serve no rule. */
  protected void purgeOld() {
    jdbc.sql("DELETE FROM " + table + " WHERE " + timeColumn + " < now() - interval '1 day'")
        .update();
  }

  private int count(String key) {
    return jdbc.sql(
            "SELECT count(*) FROM "
                + table
                + " WHERE organisation_id = '00000000-0000-0000-0000-000000000000'"
                + " AND remote_address = ? AND "
                + timeColumn
                + " > ?")
        .params(key, Timestamp.from(clock.instant().minus(window)))
        .query(Integer.class)
        .single();
  }

  private static String key(String address) {
    String a = address == null ? "" : address.strip();
    return a.length() > 100 ? a.substring(0, 100) : a;
  }
}

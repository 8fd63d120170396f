package org.waymark.outcome.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits the use of self-completion links from one address: at most {@code max} failed link
 * openings and new-link requests within {@code window}, so nobody can try tokens one after another.
 * Kept in PostgreSQL so every instance sees the same counts. Answering the questionnaire once a
 * link is open does not count.
 */
@Component
public class LinkThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int max;
  private final Duration window;

  LinkThrottle(
      JdbcClient jdbc,
      Optional<Clock> clock,
      @Value("${waymark.outcome.self-completion.attempts-per-address:30}") int max,
      @Value("${waymark.outcome.self-completion.attempt-window:PT1H}") Duration window) {
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
    this.max = max;
    this.window = window;
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
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('outcome_link_attempt:' || ?, 0))")
        .param(key)
        .query((rs, n) -> 1)
        .single();
    if (count(key) >= max) {
      return false;
    }
    jdbc.sql("INSERT INTO outcome_link_attempt (remote_address, attempted_at) VALUES (?, ?)")
        .params(key, Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  private int count(String key) {
    return jdbc.sql(
            """
            SELECT count(*) FROM outcome_link_attempt
            WHERE organisation_id = '00000000-0000-0000-0000-000000000000'
              AND remote_address = ? AND attempted_at > ?
            """)
        .params(key, Timestamp.from(clock.instant().minus(window)))
        .query(Integer.class)
        .single();
  }

  private static String key(String address) {
    String a = address == null ? "" : address.strip();
    return a.length() > 100 ? a.substring(0, 100) : a;
  }

  /** Attempts older than a day serve no rule; they are removed. */
  @Scheduled(cron = "0 37 * * * *")
  void purgeOld() {
    jdbc.sql("DELETE FROM outcome_link_attempt WHERE attempted_at < now() - interval '1 day'")
        .update();
  }
}

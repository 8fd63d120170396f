package org.waymark.referral.internal;

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
 * Limits self-referrals from one address: at most {@code max} within {@code window}. Kept in
 * PostgreSQL so every instance sees the same counts. Only submissions that would be stored count
 * (and those the honeypot caught), so a person correcting a form is never locked out by their own
 * mistakes.
 */
@Component
public class SelfReferralThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int max;
  private final Duration window;

  SelfReferralThrottle(
      JdbcClient jdbc,
      Optional<Clock> clock,
      @Value("${waymark.self-referral.max-per-address:5}") int max,
      @Value("${waymark.self-referral.window:PT1H}") Duration window) {
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
    this.max = max;
    this.window = window;
  }

  /** Whether this address has used up its submissions for now. */
  public boolean exhausted(String address) {
    return count(key(address)) >= max;
  }

  /**
   * Counts one submission from this address, unless it has used up its submissions. Concurrent
   * calls for one address are taken in turn, so the limit holds under a burst.
   *
   * @return false if the address has used up its submissions (nothing counted)
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean tryCount(String address) {
    String key = key(address);
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('self_referral:' || ?, 0))")
        .param(key)
        .query((rs, n) -> 1)
        .single();
    if (count(key) >= max) {
      return false;
    }
    jdbc.sql("INSERT INTO self_referral_submission (remote_address, submitted_at) VALUES (?, ?)")
        .params(key, Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  private int count(String key) {
    return jdbc.sql(
            """
            SELECT count(*) FROM self_referral_submission
            WHERE organisation_id = '00000000-0000-0000-0000-000000000000'
              AND remote_address = ? AND submitted_at > ?
            """)
        .params(key, Timestamp.from(clock.instant().minus(window)))
        .query(Integer.class)
        .single();
  }

  private static String key(String address) {
    String a = address == null ? "" : address.strip();
    return a.length() > 100 ? a.substring(0, 100) : a;
  }

  /** Submissions older than a day serve no rule; they are removed. */
  @Scheduled(cron = "0 23 * * * *")
  void purgeOld() {
    jdbc.sql("DELETE FROM self_referral_submission WHERE submitted_at < now() - interval '1 day'")
        .update();
  }
}

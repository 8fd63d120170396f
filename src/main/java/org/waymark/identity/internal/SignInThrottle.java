package org.waymark.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refuses sign-in for a while after repeated failures: for an account after {@code maxPerAccount}
 * failures within the window (counted since its last success), and for an address after {@code
 * maxPerAddress}. Kept in PostgreSQL so every instance sees the same counts. Refused attempts are
 * not counted again, so a lock-out ends on time even while someone keeps trying.
 */
@Component
public class SignInThrottle {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int maxPerAccount;
  private final int maxPerAddress;
  private final Duration window;
  private final Duration lockout;

  SignInThrottle(
      JdbcClient jdbc,
      Optional<Clock> clock,
      @Value("${waymark.security.sign-in.max-failures-per-account}") int maxPerAccount,
      @Value("${waymark.security.sign-in.max-failures-per-address}") int maxPerAddress,
      @Value("${waymark.security.sign-in.window}") Duration window,
      @Value("${waymark.security.sign-in.lockout}") Duration lockout) {
    this.jdbc = jdbc;
    this.clock = clock.orElse(Clock.systemUTC());
    this.maxPerAccount = maxPerAccount;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
    this.lockout = lockout;
  }

  /** When the lock-out on this account or address ends, empty if sign-in may be tried now. */
  public Optional<Instant> blockedUntil(String username, String address) {
    Instant now = clock.instant();
    Instant since = now.minus(window).minus(lockout);
    List<Instant> byAccount =
        jdbc.sql(
                """
                SELECT attempted_at FROM sign_in_attempt
                WHERE lower(username) = lower(:u) AND NOT succeeded AND attempted_at >= :since
                  AND attempted_at > coalesce((SELECT max(attempted_at) FROM sign_in_attempt
                      WHERE lower(username) = lower(:u) AND succeeded), '-infinity')
                ORDER BY attempted_at
                """)
            .param("u", username == null ? "" : username.trim())
            .param("since", java.sql.Timestamp.from(since))
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .list();
    List<Instant> byAddress =
        jdbc.sql(
                """
                SELECT attempted_at FROM sign_in_attempt
                WHERE remote_address = :a AND NOT succeeded AND attempted_at >= :since ORDER BY attempted_at
                """)
            .param("a", address == null ? "" : address)
            .param("since", java.sql.Timestamp.from(since))
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .list();
    Optional<Instant> account = lockedUntil(byAccount, maxPerAccount, now);
    Optional<Instant> addr = lockedUntil(byAddress, maxPerAddress, now);
    if (account.isPresent() && addr.isPresent()) {
      return Optional.of(account.get().isAfter(addr.get()) ? account.get() : addr.get());
    }
    return account.isPresent() ? account : addr;
  }

  /**
   * When the lock-out on this address ends, empty if sign-in may be tried from it now: for a
   * sign-in that names no account before it reaches the provider (OpenID Connect).
   */
  public Optional<Instant> addressBlockedUntil(String address) {
    Instant now = clock.instant();
    List<Instant> byAddress =
        jdbc.sql(
                """
                SELECT attempted_at FROM sign_in_attempt
                WHERE remote_address = :a AND NOT succeeded AND attempted_at >= :since ORDER BY attempted_at
                """)
            .param("a", address == null ? "" : address)
            .param("since", java.sql.Timestamp.from(now.minus(window).minus(lockout)))
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .list();
    return lockedUntil(byAddress, maxPerAddress, now);
  }

  // Locked if some run of `max` failures fits in the window and the last of them is less than the
  // lock-out period ago.
  private Optional<Instant> lockedUntil(List<Instant> failures, int max, Instant now) {
    Instant until = null;
    for (int i = 0; i + max - 1 < failures.size(); i++) {
      Instant first = failures.get(i);
      Instant last = failures.get(i + max - 1);
      if (!last.isAfter(first.plus(window))) {
        Instant end = last.plus(lockout);
        if (end.isAfter(now) && (until == null || end.isAfter(until))) {
          until = end;
        }
      }
    }
    return Optional.ofNullable(until);
  }

  public void recordFailure(String username, String address) {
    insert(username, address, false);
  }

  public void recordSuccess(String username, String address) {
    insert(username, address, true);
  }

  private void insert(String username, String address, boolean succeeded) {
    jdbc.sql(
            "INSERT INTO sign_in_attempt (username, remote_address, succeeded, attempted_at) VALUES (?, ?, ?, ?)")
        .params(
            username == null ? "" : username.trim(),
            address == null ? "" : address,
            succeeded,
            java.sql.Timestamp.from(clock.instant()))
        .update();
  }

  /** Attempts older than a day serve no rule; they are removed. */
  @Scheduled(cron = "0 17 * * * *")
  void purgeOldAttempts() {
    jdbc.sql("DELETE FROM sign_in_attempt WHERE attempted_at < now() - interval '1 day'").update();
  }
}

package org.waymark.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waymark.shared.AddressThrottle;

/**
 * Limits self-referrals from one address: at most {@code max} within {@code window}. Only
 * submissions that would be stored count (and those the honeypot caught), so a person correcting a
 * form is never locked out by their own mistakes.
 */
@Component
public class SelfReferralThrottle extends AddressThrottle {

  SelfReferralThrottle(
      JdbcClient jdbc,
      Optional<Clock> clock,
      @Value("${waymark.self-referral.max-per-address:5}") int max,
      @Value("${waymark.self-referral.window:PT1H}") Duration window) {
    super(
        jdbc,
        clock.orElse(Clock.systemUTC()),
        max,
        window,
        "self_referral_submission",
        "submitted_at");
  }

  @Scheduled(cron = "0 23 * * * *")
  void purge() {
    purgeOld();
  }
}

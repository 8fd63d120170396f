package org.waymark.outcome.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waymark.shared.AddressThrottle;

/**
 * Limits the use of self-completion links from one address: at most {@code max} failed link
 * openings and new-link requests within {@code window}, so nobody can try tokens one after another.
 * Answering the questionnaire once a link is open does not count.
 */
@Component
public class LinkThrottle extends AddressThrottle {

  LinkThrottle(
      JdbcClient jdbc,
      Optional<Clock> clock,
      @Value("${waymark.outcome.self-completion.attempts-per-address:30}") int max,
      @Value("${waymark.outcome.self-completion.attempt-window:PT1H}") Duration window) {
    super(
        jdbc, clock.orElse(Clock.systemUTC()), max, window, "outcome_link_attempt", "attempted_at");
  }

  @Scheduled(cron = "0 37 * * * *")
  void purge() {
    purgeOld();
  }
}

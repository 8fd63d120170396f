package org.waymark.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.identity.ActingAs;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.person.PersonDetails;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;

/** A referral that came by letter, phone or email and is recorded later keeps the day it came. */
@WaymarkIntegrationTest
class ReferralReceivedOnTests {

  static final ZoneId UK = ZoneId.of("Europe/London");

  @Autowired Referrals referrals;
  @Autowired IdentityManagement identity;
  @Autowired ActingAs actingAs;
  @Autowired JdbcClient jdbc;

  NewReferral received(LocalDate on) {
    return new NewReferral(
        PersonDetails.builder()
            .nhsNumber(ReferralFixtures.nhsNumber())
            .name("Wilf", "Letterbox")
            .dateOfBirth(LocalDate.of(1940, 3, 9))
            .sex(org.waymark.person.Sex.NOT_KNOWN)
            .phone("0113 496 0123", false)
            .registeredPracticeId(ReferralFixtures.practice(identity, "B83001"))
            .build(),
        "GP",
        List.of("LONELINESS"),
        "Sent by letter.",
        true,
        false,
        Urgency.ROUTINE,
        null,
        null,
        null,
        new ReferrerDetails("Dr Post", "GP", null, "0113 496 0999", null),
        null,
        on);
  }

  List<String> receivedOnProblems(NewReferral r, boolean professional) {
    return referrals.problems(r, professional).stream()
        .filter(p -> p.field().equals("receivedOn"))
        .map(ReferralValidationException.Problem::messageKey)
        .toList();
  }

  @Test
  void theDayMustBeFrom2019AndNotInTheFuture() {
    LocalDate today = LocalDate.now(UK);
    assertThat(receivedOnProblems(received(today.plusDays(1)), true))
        .containsExactly("referral.receivedOn.future");
    assertThat(receivedOnProblems(received(LocalDate.of(2018, 12, 31)), true))
        .containsExactly("referral.receivedOn.tooOld");
    assertThat(receivedOnProblems(received(today.minusDays(20)), false))
        .containsExactly("referral.receivedOn.notForSelfReferral");
    assertThat(receivedOnProblems(received(today.minusDays(20)), true)).isEmpty();
    assertThat(receivedOnProblems(received(null), true)).isEmpty();
  }

  @Test
  void aReferralReceivedEarlierArrivedThatDayAndItsHistorySaysSo() {
    String referrer =
        TestUsers.create(identity, ReferralFixtures.practice(identity, "B83001"), Role.REFERRER)
            .email();
    LocalDate day = LocalDate.now(UK).minusDays(20);
    Referral r = actingAs.call(referrer, () -> referrals.submit(received(day), Channel.WEB_FORM));
    Instant nineAm = day.atTime(9, 0).atZone(UK).toInstant();
    assertThat(r.receivedAt()).isEqualTo(nineAm);
    assertThat(
            jdbc.sql(
                    "SELECT changed_at FROM referral_status_change WHERE referral_id = ? AND from_status IS NULL")
                .param(r.id())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .single())
        .isEqualTo(nineAm);

    assertThatThrownBy(
            () ->
                actingAs.call(
                    referrer,
                    () -> referrals.submit(received(LocalDate.of(2018, 6, 1)), Channel.WEB_FORM)))
        .isInstanceOf(ReferralValidationException.class);
  }
}

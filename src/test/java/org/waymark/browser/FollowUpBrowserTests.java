package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.casework.CaseClosures;
import org.waymark.casework.CaseFile;
import org.waymark.casework.DischargeDraft;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.person.PersonDetails;
import org.waymark.person.Sex;
import org.waymark.referral.Channel;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import org.waymark.support.TestUsers;

/**
 * A link worker opens their follow-up list, opens a follow-up that is due on a closed case, finds
 * the service the person was referred to already listed, and records the follow-up; their manager
 * opens the service's follow-up plan. Every page visited meets WCAG 2.2 AA.
 */
class FollowUpBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired Connections connections;
  @Autowired CaseClosures closures;

  @Test
  void linkWorkerRecordsAFollowUpWithTheServiceTheyWereReferredTo() {
    ConnectionFixture f = new ConnectionFixture(identity, curation, 0);
    closedCaseReferredMonthsAgo(f);

    LoginPage.open(browser()).signIn(f.linkWorker.email(), TestUsers.PASSWORD);
    navigate("Follow-ups", "/follow-ups", "follow-ups-due");
    assertThat(text("[data-testid=follow-ups-table]")).contains("Nora Greenwood");

    browser().find(By.linkText("9 to 12 months after referral")).click();
    waitForPath(browser(), p -> p.startsWith("/follow-ups/"), "/follow-ups/{id}");
    page("follow-up-form", "the follow-up form");
    assertThat(text("[data-testid=service]")).contains(f.waymarkService.details().name());

    choose("outcome", "COMPLETED");
    submit();
    waitForPath(browser(), p -> p.startsWith("/follow-ups/"), "/follow-ups/{id}");
    assertThat(text(".nhsuk-error-summary")).contains("Enter how they have been");
    page("follow-up-errors", "the follow-up form with errors");

    choose("outcome", "COMPLETED");
    type("howTheyHaveBeen", "Settled, and seeing her neighbour most days.");
    choose("services[0].went", "YES");
    choose("services[0].stillGoing", "YES");
    choose("services[0].helped", "A_LOT");
    choose("wouldComeBack", "YES");
    type("ownWords", "The visits gave me something to look forward to.");
    submit();
    waitForPath(browser(), p -> p.startsWith("/follow-ups/"), "/follow-ups/{id}");
    assertThat(text("[data-testid=success]")).contains("Follow-up recorded");
    assertThat(text("[data-testid=attempt]"))
        .contains("Completed with the person", "Settled", f.waymarkService.details().name());
    page("follow-up-recorded", "the recorded follow-up");

    browser().open("/follow-ups?show=done");
    page("follow-ups-done", "the done list");
    assertThat(text("[data-testid=follow-ups-table]")).contains("Nora Greenwood");

    signOut();
    LoginPage.open(browser()).signIn(f.manager.email(), TestUsers.PASSWORD);
    browser().open("/follow-ups/plan");
    page("follow-up-plan", "the follow-up plan");
  }

  private CaseFile closedCaseReferredMonthsAgo(ConnectionFixture f) {
    LocalDate received = LocalDate.now(ZoneId.of("Europe/London")).minusMonths(9).minusDays(3);
    NewReferral r =
        new NewReferral(
            PersonDetails.builder()
                .name("Nora", "Greenwood")
                .dateOfBirth(LocalDate.of(1949, 3, 12))
                .sex(Sex.FEMALE)
                .address("4 Test Lane", null, "Leeds", "LS2 7EY")
                .registeredPracticeId(f.practice.id())
                .build(),
            "GP",
            List.of("LONELINESS"),
            "Lonely since her husband died",
            true,
            false,
            Urgency.ROUTINE,
            null,
            null,
            null,
            new ReferrerDetails("Dr Test", "GP", null, "01632 960001", null),
            f.pcn.id(),
            received);
    Referral referral = TestUsers.as(f.manager, () -> referrals.submit(r, Channel.WEB_FORM));
    CaseFile c =
        TestUsers.as(
            f.manager, () -> triage.accept(referral.id(), referral.version(), f.linkWorker.id()));
    f.refer(connections, c, f.waymarkService.id());
    TestUsers.as(
        f.linkWorker,
        () -> {
          DischargeDraft draft = closures.draft(c.id(), "GOALS_MET", "Can come back any time.");
          return closures.close(
              c.id(), closures.caseToClose(c.id()).version(), "GOALS_MET", draft.text());
        });
    return c;
  }
}

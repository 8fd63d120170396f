package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * Secure self-completion links end to end over HTTP: sent only by a way the person agreed to, used
 * once and exchanged for a session bound to one questionnaire, answers kept part-way and recorded
 * exactly once; expired, reused, replaced and tampered links refused; failed attempts limited.
 */
@WaymarkIntegrationTest
class SelfCompletionIntegrationTests {

  private static final Pattern LINK = Pattern.compile("/q/([A-Za-z0-9_-]{43})");
  private static final AtomicInteger ADDRESS = new AtomicInteger(10);
  private static final String[] SWEMWBS_ITEMS = {
    "optimistic",
    "useful",
    "relaxed",
    "dealing_with_problems",
    "thinking_clearly",
    "close_to_others",
    "own_mind"
  };

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;

  ConnectionFixture f;
  CaseFile openCase;
  String outcomes;

  @BeforeEach
  void setUp() {
    f = new ConnectionFixture(identity, curation, port);
    openCase = f.openCase(referrals, triage, "Maud", "Pennington");
    outcomes = "/cases/" + openCase.id() + "/outcomes";
  }

  /**
   * A browser at its own address, so that the per-address limit of one test never meets another's.
   */
  WebSession person() {
    return new WebSession(port).from("198.51.100." + ADDRESS.incrementAndGet());
  }

  String send(String instrument, String occasion) {
    WebSession lw = f.signedIn(f.linkWorker);
    WebSession.Page sent =
        lw.post(
            outcomes + "/links",
            ConnectionFixture.form(
                "instrument", instrument, "occasion", occasion, "channel", "SMS"));
    assertThat(sent.status()).as(sent.body()).isEqualTo(302);
    return latestToken();
  }

  String latestToken() {
    String body =
        jdbc.sql(
                """
                SELECT body FROM notification_outbox
                WHERE recipient_person_id = ? AND template = 'SELF_COMPLETION_LINK'
                ORDER BY created_at DESC LIMIT 1
                """)
            .param(openCase.personId())
            .query(String.class)
            .single();
    Matcher m = LINK.matcher(body);
    assertThat(m.find()).as(body).isTrue();
    return m.group(1);
  }

  static Map<String, String> answers(int each) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String item : SWEMWBS_ITEMS) {
      form.put("answer." + item, Integer.toString(each));
    }
    return form;
  }

  int responses(String completedBy) {
    return jdbc.sql("SELECT count(*) FROM outcome_response WHERE case_id = ? AND completed_by = ?")
        .params(openCase.id(), completedBy)
        .query(Integer.class)
        .single();
  }

  @Test
  void thePersonAnswersFromTheLinkOnceAndTheLinkWorkerSeesTheChange() {
    WebSession lw = f.signedIn(f.linkWorker);
    Map<String, String> baseline = answers(3);
    baseline.put("instrument", "SWEMWBS");
    baseline.put("occasion", "BASELINE");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
    baseline.put("completedOnDay", Integer.toString(today.getDayOfMonth()));
    baseline.put("completedOnMonth", Integer.toString(today.getMonthValue()));
    baseline.put("completedOnYear", Integer.toString(today.getYear()));
    assertThat(lw.post(outcomes, baseline).status()).isEqualTo(302);

    String token = send("SWEMWBS", "REVIEW");
    String sms =
        jdbc.sql(
                "SELECT body FROM notification_outbox WHERE recipient_person_id = ? AND template = 'SELF_COMPLETION_LINK'")
            .param(openCase.personId())
            .query(String.class)
            .single();
    assertThat(sms).contains("/q/" + token).doesNotContain("SWEMWBS").doesNotContain("Pennington");
    assertThat(
            lw.get(outcomes)
                .document()
                .select("[data-testid=links-table] [data-status]")
                .eachAttr("data-status"))
        .containsExactly("WAITING");

    WebSession person = person();
    WebSession.Page opened = person.get("/q/" + token);
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.location()).endsWith("/questionnaire").doesNotContain(token);
    Document form = person.get("/questionnaire").document();
    assertThat(form.select("fieldset legend").eachText())
        .contains("1. I've been feeling optimistic about the future");
    assertThat(form.text()).doesNotContain("Pennington").doesNotContain("Maud");

    // The token opened a questionnaire, nothing else.
    assertThat(person.get(outcomes).status()).isEqualTo(302);
    assertThat(person.get(outcomes).location()).contains("/login");

    assertThat(person.post("/questionnaire", withAction(answers(4), "send")).location())
        .endsWith("/questionnaire/done");
    assertThat(
            person
                .get("/questionnaire/done")
                .document()
                .select("[data-testid=confirmation]")
                .text())
        .contains("Answers sent");
    // Sent again (a second click, the back button): nothing more is written.
    assertThat(person.post("/questionnaire", withAction(answers(5), "send")).location())
        .endsWith("/questionnaire/done");
    assertThat(responses("SELF")).isEqualTo(1);

    Document page = lw.get(outcomes).document();
    assertThat(page.select("[data-testid=change-row]").eachText())
        .anySatisfy(row -> assertThat(row).contains("Metric score").contains("+5.78"));
    assertThat(page.select("[data-testid=links-table] [data-status]").eachAttr("data-status"))
        .containsExactly("COMPLETED");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification_inbox WHERE user_id = ? AND template = 'SELF_COMPLETION_ANSWERED'")
                .param(f.linkWorker.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null, openCase.personId(), "OUTCOME_RECORDED", null, null, 0, 10))
                .events())
        .anySatisfy(e -> assertThat(e.detail()).contains("self-completed"));

    // The used link opens nothing now.
    WebSession again = person();
    WebSession.Page reused = again.get("/q/" + token);
    assertThat(reused.status()).isEqualTo(200);
    assertThat(reused.document().select("[data-testid=answered]").text())
        .contains("already sent your answers");
  }

  static Map<String, String> withAction(Map<String, String> form, String action) {
    Map<String, String> m = new LinkedHashMap<>(form);
    m.put("action", action);
    return m;
  }

  @Test
  void aLinkIsUsedOnceAndTheSecondBrowserIsRefused() {
    String token = send("SWEMWBS", "REVIEW");
    WebSession first = person();
    assertThat(first.get("/q/" + token).status()).isEqualTo(302);
    WebSession second = person();
    WebSession.Page refused = second.get("/q/" + token);
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused.h1()).isEqualTo("This link has already been used");
    assertThat(second.get("/questionnaire").status()).isEqualTo(410);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        null,
                        openCase.personId(),
                        "SELF_COMPLETION_LINK_REFUSED",
                        null,
                        null,
                        0,
                        10))
                .events())
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("used"));
    // The first browser still answers.
    assertThat(first.get("/questionnaire").status()).isEqualTo(200);
  }

  @Test
  void tamperedAndMadeUpLinksAreRefused() {
    String token = send("SWEMWBS", "REVIEW");
    char last = token.charAt(token.length() - 1);
    String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    WebSession person = person();
    WebSession.Page page = person.get("/q/" + altered);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.h1()).isEqualTo("This link does not work");
    assertThat(person.get("/q/" + token.substring(0, 20)).status()).isEqualTo(404);
    assertThat(person.get("/q/" + token + "x").status()).isEqualTo(404);
    assertThat(person.get("/questionnaire").status()).isEqualTo(410);
    // The genuine link is untouched by the attempts.
    assertThat(person().get("/q/" + token).status()).isEqualTo(302);
  }

  @Test
  void anExpiredLinkIsRefusedAndThePersonCanAskForANewOne() {
    String token = send("ONS4", "REVIEW");
    jdbc.sql(
            "UPDATE outcome_self_completion_link SET sent_at = ?, expires_at = ? WHERE case_id = ?")
        .params(
            Timestamp.from(Instant.now().minusSeconds(20 * 86400)),
            Timestamp.from(Instant.now().minusSeconds(60)),
            openCase.id())
        .update();
    WebSession person = person();
    WebSession.Page page = person.get("/q/" + token);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.h1()).isEqualTo("This link has expired");
    assertThat(person.post("/q/" + token + "/new-link", Map.of()).location())
        .endsWith("/questionnaire/new-link-asked");
    // Asking twice tells the link worker once.
    person.post("/q/" + token + "/new-link", Map.of());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification_inbox WHERE user_id = ? AND template = 'SELF_COMPLETION_NEW_LINK_ASKED'")
                .param(f.linkWorker.id())
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    Document lwPage = f.signedIn(f.linkWorker).get(outcomes).document();
    assertThat(lwPage.select("[data-testid=links-table] [data-status]").eachAttr("data-status"))
        .containsExactly("EXPIRED");
    assertThat(lwPage.select("[data-testid=new-link-asked]")).hasSize(1);
    // A made-up token gets the same answer, and tells nobody anything.
    assertThat(person.post("/q/" + "A".repeat(43) + "/new-link", Map.of()).location())
        .endsWith("/questionnaire/new-link-asked");
  }

  @Test
  void partialAnswersAreKeptAndCarriedToANewerLink() {
    String token = send("SWEMWBS", "REVIEW");
    WebSession person = person();
    person.get("/q/" + token);
    Map<String, String> some = new LinkedHashMap<>();
    some.put("answer.optimistic", "4");
    some.put("answer.useful", "2");
    some.put("answer.relaxed", "9"); // not an answer offered: not kept
    WebSession.Page saved = person.post("/questionnaire", withAction(some, "save"));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.h1()).isEqualTo("Your answers are saved");
    Document again = person.get("/questionnaire").document();
    assertThat(again.select("input[name=answer.optimistic][checked]").attr("value")).isEqualTo("4");
    assertThat(again.select("input[name=answer.relaxed][checked]")).isEmpty();

    // Sending with questions unanswered: named, and what was given is kept.
    Map<String, String> more =
        new LinkedHashMap<>(
            Map.of("answer.optimistic", "4", "answer.useful", "2", "answer.relaxed", "3"));
    WebSession.Page incomplete = person.post("/questionnaire", withAction(more, "send"));
    assertThat(incomplete.status()).isEqualTo(200);
    assertThat(incomplete.document().select(".nhsuk-error-summary__list a").eachText())
        .containsExactly(
            "Answer question 4", "Answer question 5", "Answer question 6", "Answer question 7");
    assertThat(responses("SELF")).isZero();

    // The session ends; the link worker sends a new link, which carries the answers over.
    jdbc.sql("UPDATE outcome_self_completion_link SET session_until = ? WHERE case_id = ?")
        .params(Timestamp.from(Instant.now().minusSeconds(1)), openCase.id())
        .update();
    assertThat(person.get("/questionnaire").status()).isEqualTo(410);
    String newer = send("SWEMWBS", "REVIEW");
    assertThat(newer).isNotEqualTo(token);
    assertThat(person().get("/q/" + token).status()).isEqualTo(410);
    WebSession later = person();
    later.get("/q/" + newer);
    Document carried = later.get("/questionnaire").document();
    assertThat(carried.select("input[name=answer.relaxed][checked]").attr("value")).isEqualTo("3");
    assertThat(carried.select("input[name=answer.useful][checked]").attr("value")).isEqualTo("2");
    assertThat(later.post("/questionnaire", withAction(answers(3), "send")).status())
        .isEqualTo(302);
    assertThat(responses("SELF")).isEqualTo(1);
  }

  @Test
  void answersSentTwiceAtOnceAreRecordedOnce() throws Exception {
    String token = send("SWEMWBS", "REVIEW");
    WebSession person = person();
    person.get("/q/" + token);
    Map<String, String> form = withAction(answers(4), "send");
    form.put("_csrf", person.csrfToken());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(() -> person.postRaw("/questionnaire", form).status());
      }
      for (Future<Integer> result : pool.invokeAll(calls)) {
        assertThat(result.get()).isEqualTo(302);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(responses("SELF")).isEqualTo(1);
  }

  @Test
  void linksGoOnlyByAWayThePersonAgreedToAndOnlyFromThoseWhoMayChangeTheCase() {
    WebSession lw = f.signedIn(f.linkWorker);
    WebSession.Page byEmail =
        lw.post(
            outcomes + "/links",
            ConnectionFixture.form(
                "instrument", "SWEMWBS", "occasion", "REVIEW", "channel", "EMAIL"));
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(byEmail.document().select(".nhsuk-error-summary").text())
        .contains("only by a way the person agreed to be contacted");
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcome_self_completion_link WHERE case_id = ?")
                .param(openCase.id())
                .query(Integer.class)
                .single())
        .isZero();
    Map<String, String> ok =
        ConnectionFixture.form("instrument", "SWEMWBS", "occasion", "REVIEW", "channel", "SMS");
    assertThat(f.signedIn(f.otherLinkWorker).post(outcomes + "/links", ok).status()).isEqualTo(403);
    assertThat(f.signedIn(f.referrer).post(outcomes + "/links", ok).status()).isEqualTo(403);
    assertThat(f.signedIn(f.coordinator).post(outcomes + "/links", ok).status()).isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM notification_outbox WHERE recipient_person_id = ?")
                .param(openCase.personId())
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void failedAttemptsFromOneAddressAreLimited() {
    WebSession guesser =
        new WebSession(port).from("203.0.113." + (ADDRESS.incrementAndGet() % 250));
    int refusedWithNotFound = 0;
    int limited = 0;
    for (int i = 0; i < 32; i++) {
      int status =
          guesser
              .get("/q/" + UUID.randomUUID().toString().replace("-", "") + "abcdefghijk")
              .status();
      if (status == 404) {
        refusedWithNotFound++;
      } else if (status == 429) {
        limited++;
      }
    }
    assertThat(refusedWithNotFound).isEqualTo(30);
    assertThat(limited).isEqualTo(2);
    // Another address is not held back by it.
    String token = send("SWEMWBS", "REVIEW");
    assertThat(person().get("/q/" + token).status()).isEqualTo(302);
  }
}

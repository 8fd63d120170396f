package org.waymark.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Role;
import org.waymark.referral.Referrals;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The administrators' questionnaire builder, from the outside: drafts built one change at a time,
 * published for good, given on a case and scored; stale and invalid changes refused with nothing
 * written; every other role refused.
 */
@WaymarkIntegrationTest
class QuestionnaireBuilderIntegrationTests {

  static final String BASE = "/admin/questionnaires";

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired Referrals referrals;
  @Autowired Triage triage;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired Instruments instruments;
  @Autowired Outcomes outcomes;
  @Autowired QuestionnaireBuilder builder;

  WebSession admin;
  String code;

  @BeforeEach
  void setUp() {
    admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  // ---- helpers, as an administrator's browser would send the forms

  String create(String title) {
    WebSession.Page created =
        admin.post(
            BASE + "/new",
            Map.of("code", code.toLowerCase(), "title", title, "licence", "Made here for tests."));
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(created.location()).contains(BASE + "/drafts/");
    return created.location().substring(created.location().lastIndexOf('/') + 1);
  }

  String version(String draft) {
    return admin
        .get(BASE + "/drafts/" + draft + "/details")
        .document()
        .selectFirst("input[name=version]")
        .attr("value");
  }

  WebSession.Page addItem(String draft, String type, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>(fields);
    form.put("type", type);
    form.putIfAbsent("version", version(draft));
    return admin.post(BASE + "/drafts/" + draft + "/items/new", form);
  }

  List<String> itemTexts(String draft) {
    return admin
        .get(BASE + "/drafts/" + draft)
        .document()
        .select("[data-testid=item] h3")
        .eachText();
  }

  static List<String> problems(Document page) {
    return page.select("[data-testid=problems] li").eachText();
  }

  @Test
  void anAdministratorBuildsEveryKindOfQuestionPublishesAndALinkWorkerGivesItAndGetsTheScore() {
    String draft = create("Feeling connected");
    // The code is put in capitals.
    assertThat(
            admin.get(BASE + "/drafts/" + draft).document().select("[data-testid=details]").text())
        .contains(code);

    assertThat(
            addItem(
                    draft,
                    "SCALE",
                    Map.of(
                        "text", "How hopeful do you feel?",
                        "hint", "Think about the last week",
                        "required", "true",
                        "min", "0",
                        "max", "4",
                        "minLabel", "Not at all",
                        "maxLabel", "Very"))
                .status())
        .isEqualTo(302);
    assertThat(
            addItem(
                    draft,
                    "SINGLE_CHOICE",
                    Map.of(
                        "text", "How often do you see friends?",
                        "required", "true",
                        "option-1-label", "Never",
                        "option-1-value", "0",
                        "option-2-label", "Sometimes",
                        "option-2-value", "1",
                        "option-3-label", "Often",
                        "option-3-value", "2"))
                .status())
        .isEqualTo(302);
    assertThat(
            addItem(
                    draft,
                    "MULTIPLE_CHOICE",
                    Map.of(
                        "text", "What do you enjoy?",
                        "option-1-label", "Walking",
                        "option-1-value", "walk",
                        "option-2-label", "Gardening",
                        "option-2-value", "garden",
                        "option-3-label", "Singing",
                        "option-3-value", "sing"))
                .status())
        .isEqualTo(302);
    assertThat(
            addItem(
                    draft,
                    "NUMBER",
                    Map.of(
                        "text", "How many people did you talk to last week?",
                        "min", "0",
                        "max", "100"))
                .status())
        .isEqualTo(302);
    assertThat(addItem(draft, "DATE", Map.of("text", "When did you last see your GP?")).status())
        .isEqualTo(302);
    assertThat(addItem(draft, "FREE_TEXT", Map.of("text", "What matters to you?")).status())
        .isEqualTo(302);

    // Reorder: the free text question moves above the date, the scale below the choice.
    assertThat(
            admin
                .post(
                    BASE + "/drafts/" + draft + "/items/q6/move",
                    Map.of("direction", "up", "version", version(draft)))
                .status())
        .isEqualTo(302);
    admin.post(
        BASE + "/drafts/" + draft + "/items/q1/move",
        Map.of("direction", "down", "version", version(draft)));
    assertThat(itemTexts(draft))
        .containsExactly(
            "1. How often do you see friends?",
            "2. How hopeful do you feel?",
            "3. What do you enjoy?",
            "4. How many people did you talk to last week?",
            "5. What matters to you?",
            "6. When did you last see your GP?");

    // A score: the choice and the scale added up, with bands.
    Document scoreForm = admin.get(BASE + "/drafts/" + draft + "/scores/new").document();
    assertThat(scoreForm.select("input[name=items]").eachAttr("value"))
        .containsExactly("q2", "q1", "q4");
    List<Map.Entry<String, String>> score = new ArrayList<>();
    score.add(Map.entry("version", version(draft)));
    score.add(Map.entry("label", "Connection score"));
    score.add(Map.entry("items", "q1"));
    score.add(Map.entry("items", "q2"));
    score.add(Map.entry("higherIsBetter", "true"));
    score.add(Map.entry("meaningfulChange", "2"));
    score.add(Map.entry("band-1-label", "Low"));
    score.add(Map.entry("band-1-from", "0"));
    score.add(Map.entry("band-1-to", "2"));
    score.add(Map.entry("band-2-label", "High"));
    score.add(Map.entry("band-2-from", "3"));
    score.add(Map.entry("band-2-to", "6"));
    assertThat(admin.postAll(BASE + "/drafts/" + draft + "/scores/new", score).status())
        .isEqualTo(302);

    // The preview shows the questions as the form will.
    Document preview = admin.get(BASE + "/drafts/" + draft + "/preview").document();
    assertThat(preview.select("[data-testid=question]").eachAttr("data-type"))
        .containsExactly(
            "SINGLE_CHOICE", "SCALE", "MULTIPLE_CHOICE", "NUMBER", "FREE_TEXT", "DATE");
    assertThat(preview.select("input[type=checkbox][name='answer.q3']")).hasSize(3);

    // Publish.
    assertThat(admin.get(BASE + "/drafts/" + draft + "/publish").document().text())
        .contains("Publish Feeling connected as version 1");
    WebSession.Page published =
        admin.post(BASE + "/drafts/" + draft + "/publish", Map.of("version", version(draft)));
    assertThat(published.status()).isEqualTo(302);
    assertThat(published.location()).endsWith(BASE + "/" + code + "/versions/1");
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcome_instrument_draft WHERE code = ?")
                .param(code)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(admin.get(BASE + "/drafts/" + draft).status()).isEqualTo(404);
    assertThat(
            audit
                .search(new AuditQuery("admin@", null, "INSTRUMENT_PUBLISHED", null, null, 0, 200))
                .events())
        .anySatisfy(
            e -> {
              assertThat(e.recordId()).isEqualTo(code);
              assertThat(e.detail()).isEqualTo(code + " v1");
            });
    Document version = admin.get(BASE + "/" + code + "/versions/1").document();
    assertThat(version.select("[data-testid=answers]").eachText())
        .contains("Never = 0; Sometimes = 1; Often = 2", "0 (Not at all) to 4 (Very)");
    assertThat(version.select("[data-testid=score]").text()).contains("Low: 0 to 2");
    assertThat(version.select("[data-testid=licence]").text()).isEqualTo("Made here for tests.");
    assertThat(admin.get(BASE).document().select("[data-code=" + code + "]").text())
        .contains("Built here");

    // A link worker gives it on a case: through the facade ...
    ConnectionFixture f = new ConnectionFixture(identity, curation, port);
    CaseFile openCase = f.openCase(referrals, triage, "Maud", "Pennyworth");
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    Response r =
        ConnectionFixture.as(
            f.linkWorker,
            () ->
                outcomes.record(
                    openCase.id(),
                    code,
                    Occasion.BASELINE,
                    today,
                    Map.of(
                        "q1", "3",
                        "q2", "2",
                        "q3", "walk|sing",
                        "q4", "12",
                        "q5", "2026-01-05",
                        "q6", "Getting out of the house")));
    assertThat(r.scores()).hasSize(1);
    assertThat(r.scores().get(0).value()).isEqualByComparingTo("5");
    assertThat(r.scores().get(0).band()).isEqualTo("High");
    assertThat(r.answers()).containsEntry("q3", "walk|sing");

    // ... and through the form, every kind of question as a browser sends it.
    WebSession lw = f.signedIn(f.linkWorker);
    String outcomesPath = "/cases/" + openCase.id() + "/outcomes";
    Document form = lw.get(outcomesPath + "/new?instrument=" + code).document();
    assertThat(form.select("input[type=checkbox][name='answer.q3']")).hasSize(3);
    assertThat(form.select("textarea[name='answer.q6']")).hasSize(1);
    assertThat(form.select("input[name='answer.q4'][inputmode=decimal]")).hasSize(1);
    assertThat(form.select("input[name='date.q5.day']")).hasSize(1);
    assertThat(form.select("input[name='date.q5.year']")).hasSize(1);
    assertThat(form.select("#item-2-hint").text())
        .isEqualTo("Think about the last week 0 is not at all, 4 is very");

    List<Map.Entry<String, String>> answers = new ArrayList<>();
    answers.add(Map.entry("instrument", code));
    answers.add(Map.entry("occasion", "REVIEW"));
    answers.add(Map.entry("completedOnDay", Integer.toString(today.getDayOfMonth())));
    answers.add(Map.entry("completedOnMonth", Integer.toString(today.getMonthValue())));
    answers.add(Map.entry("completedOnYear", Integer.toString(today.getYear())));
    answers.add(Map.entry("answer.q1", "1"));
    answers.add(Map.entry("answer.q2", "0"));
    answers.add(Map.entry("answer.q3", "garden"));
    answers.add(Map.entry("answer.q3", "sing"));
    answers.add(Map.entry("answer.q4", "40"));
    answers.add(Map.entry("date.q5.day", "31"));
    answers.add(Map.entry("date.q5.month", "2"));
    answers.add(Map.entry("date.q5.year", "2026"));
    answers.add(Map.entry("answer.q6", "Singing again"));
    // 31 February is no date, and 400 is above the number's highest.
    answers.set(10, Map.entry("date.q5.day", "31"));
    answers.set(9, Map.entry("answer.q4", "400"));
    Document refused = lw.postAll(outcomesPath, answers).document();
    assertThat(refused.select(".nhsuk-error-summary__list li").eachText())
        .containsExactly(
            "Enter a number from 0 to 100: How many people did you talk to last week?",
            "Enter a real date, for example 15 3 2024: When did you last see your GP?");
    // What was entered is kept.
    assertThat(refused.select("input[name='answer.q3'][checked]").eachAttr("value"))
        .containsExactly("garden", "sing");
    assertThat(refused.selectFirst("input[name='date.q5.day']").attr("value")).isEqualTo("31");

    answers.set(9, Map.entry("answer.q4", "40"));
    answers.set(10, Map.entry("date.q5.day", "28"));
    assertThat(lw.postAll(outcomesPath, answers).status()).isEqualTo(302);
    Response latest =
        ConnectionFixture.as(f.linkWorker, () -> outcomes.forCase(openCase.id())).get(1);
    assertThat(latest.answers())
        .containsEntry("q3", "garden|sing")
        .containsEntry("q5", "2026-02-28")
        .containsEntry("q4", "40");
    assertThat(latest.scores().get(0).value()).isEqualByComparingTo("1");

    Document page = lw.get(outcomesPath).document();
    assertThat(page.select("[data-testid=history][data-instrument=" + code + "]").text())
        .contains("5 (high)")
        .contains("1 (low)");
    assertThat(page.select("[data-testid=answers][data-instrument=" + code + "]").text())
        .contains("Walking, Singing")
        .contains("Gardening, Singing")
        .contains("28 February 2026")
        .contains("Singing again");
    assertThat(page.select("[data-testid=change-row]").eachText())
        .anySatisfy(
            row -> assertThat(row).contains("Connection score").contains("-4").contains("Worse"));
  }

  @Test
  void aNewVersionStartsAsACopyAndLeavesThePublishedOneAsItWas() {
    String draft = create("Sleep check");
    addItem(
        draft,
        "SCALE",
        Map.of("text", "How well do you sleep?", "required", "true", "min", "1", "max", "5"));
    admin.post(BASE + "/drafts/" + draft + "/publish", Map.of("version", version(draft)));
    Instrument first = instruments.find(code, 1).orElseThrow();

    WebSession.Page copied = admin.post(BASE + "/" + code + "/versions/1/new-version", Map.of());
    assertThat(copied.status()).isEqualTo(302);
    String next = copied.location().substring(copied.location().lastIndexOf('/') + 1);
    assertThat(
            admin.get(BASE + "/drafts/" + next).document().select("[data-testid=details]").text())
        .contains("Version 2");
    // Only one draft of a code at a time: the published version leads to it.
    assertThat(
            admin
                .get(BASE + "/" + code + "/versions/1")
                .document()
                .select("[data-testid=existing-draft] a")
                .attr("href"))
        .endsWith("/drafts/" + next);
    assertThat(
            problems(
                admin.post(BASE + "/" + code + "/versions/1/new-version", Map.of()).document()))
        .containsExactly(code + " has a draft already: change that draft, or delete it first");

    assertThat(
            admin
                .post(
                    BASE + "/drafts/" + next + "/items/q1",
                    Map.of(
                        "version",
                        version(next),
                        "text",
                        "How well have you slept this week?",
                        "required",
                        "true",
                        "min",
                        "1",
                        "max",
                        "5"))
                .status())
        .isEqualTo(302);
    assertThat(
            admin
                .post(BASE + "/drafts/" + next + "/publish", Map.of("version", version(next)))
                .location())
        .endsWith(BASE + "/" + code + "/versions/2");

    assertThat(instruments.find(code, 1).orElseThrow()).isEqualTo(first);
    assertThat(instruments.find(code, 1).orElseThrow().items().get(0).text())
        .isEqualTo("How well do you sleep?");
    assertThat(instruments.find(code, 2).orElseThrow().items().get(0).text())
        .isEqualTo("How well have you slept this week?");
    assertThat(instruments.find(code, 2).orElseThrow().items().get(0).id()).isEqualTo("q1");
    assertThat(instruments.current(code).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void aShippedInstrumentsNewVersionKeepsItsLookupTableAndItsQuestionIds() {
    WebSession.Page copied = admin.post(BASE + "/SWEMWBS/versions/1/new-version", Map.of());
    assertThat(copied.status()).isEqualTo(302);
    String draft = copied.location().substring(copied.location().lastIndexOf('/') + 1);
    try {
      Document page = admin.get(BASE + "/drafts/" + draft).document();
      assertThat(page.select("[data-testid=item]").eachAttr("data-item"))
          .startsWith("optimistic", "useful");
      assertThat(page.select("a[href$=/scores/raw]")).hasSize(1);
      assertThat(page.select("a[href$=/scores/metric]")).isEmpty();
      assertThat(
              problems(
                  admin
                      .post(
                          BASE + "/drafts/" + draft + "/scores/metric",
                          Map.of(
                              "version",
                              version(draft),
                              "label",
                              "Metric",
                              "items",
                              "optimistic",
                              "higherIsBetter",
                              "true"))
                      .document()))
          .containsExactly(
              "The score Metric score is converted through a table and cannot be changed here");
      // The raw score, which the table converts, cannot go either.
      assertThat(
              problems(
                  admin
                      .post(
                          BASE + "/drafts/" + draft + "/scores/raw/remove",
                          Map.of("version", version(draft)))
                      .document()))
          .containsExactly("The score Metric score converts this score: remove that first");
      // Its questions stay as published: a draft is checked like any definition.
      assertThat(
              admin
                  .get(BASE + "/drafts/" + draft + "/publish")
                  .document()
                  .select("[data-testid=problems]"))
          .isEmpty();
    } finally {
      admin.post(BASE + "/drafts/" + draft + "/delete", Map.of("version", version(draft)));
    }
    assertThat(instruments.current("SWEMWBS").orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void aChangeFromAStalePageIsRefusedAndNothingIsWritten() {
    String draft = create("Stale check");
    String seen = version(draft);
    assertThat(
            addItem(draft, "FREE_TEXT", Map.of("text", "First question", "version", seen)).status())
        .isEqualTo(302);
    // Someone else's page, opened before that change.
    WebSession.Page stale =
        addItem(draft, "FREE_TEXT", Map.of("text", "Second question", "version", seen));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(problems(stale.document()))
        .containsExactly(
            "Someone else changed this draft after you opened the page. Nothing you entered was"
                + " saved: check the draft as it is now, then try again.");
    // What they typed is still there, against the draft as it is now.
    assertThat(stale.document().selectFirst("textarea[name=text]").text())
        .isEqualTo("Second question");
    assertThat(stale.document().selectFirst("input[name=version]").attr("value"))
        .isEqualTo(version(draft));
    assertThat(itemTexts(draft)).containsExactly("1. First question");

    assertThat(
            problems(
                admin
                    .post(BASE + "/drafts/" + draft + "/items/q1/remove", Map.of("version", seen))
                    .document()))
        .hasSize(1);
    assertThat(
            problems(
                admin
                    .post(BASE + "/drafts/" + draft + "/publish", Map.of("version", seen))
                    .document()))
        .isEmpty();
    assertThat(admin.post(BASE + "/drafts/" + draft + "/publish", Map.of("version", seen)).body())
        .contains("Someone else changed this draft");
    assertThat(itemTexts(draft)).containsExactly("1. First question");
    assertThat(instruments.find(code, 1)).isEmpty();

    // Deleting needs the current version too; then the draft is gone and nothing was published.
    assertThat(admin.post(BASE + "/drafts/" + draft + "/delete", Map.of("version", seen)).status())
        .isEqualTo(200);
    assertThat(
            admin
                .post(BASE + "/drafts/" + draft + "/delete", Map.of("version", version(draft)))
                .location())
        .endsWith(BASE);
    assertThat(admin.get(BASE + "/drafts/" + draft).status()).isEqualTo(404);
    assertThat(instruments.current(code)).isEmpty();
  }

  @Test
  void everyProblemIsNamedAgainstItsField() {
    Document created =
        admin.post(BASE + "/new", Map.of("code", "9 bad", "title", " ", "licence", "")).document();
    assertThat(problems(created))
        .containsExactly(
            "The code must be 2 to 40 capital letters, digits or underscores, starting with a"
                + " letter",
            "Enter a title");
    assertThat(created.select("[data-testid=problems] a").eachAttr("href"))
        .containsExactly("#code", "#title");
    assertThat(created.select("#code-error").text()).contains("The code must be");
    assertThat(
            problems(admin.post(BASE + "/new", Map.of("code", "ons4", "title", "Mine")).document()))
        .containsExactly("ONS4 is taken: make a new version of it, or choose another code");

    String draft = create("Checks");
    Document choice =
        addItem(
                draft,
                "SINGLE_CHOICE",
                Map.of(
                    "text", "",
                    "option-1-label", "Yes",
                    "option-1-value", "1",
                    "option-2-label", "No"))
            .document();
    assertThat(problems(choice))
        .containsExactly("Enter the question", "Enter the stored value of answer 2");
    assertThat(choice.select("[data-testid=problems] a").eachAttr("href"))
        .containsExactly("#text", "#option-2-value");
    assertThat(choice.selectFirst("#option-1-label").attr("value")).isEqualTo("Yes");

    assertThat(
            problems(
                addItem(draft, "SCALE", Map.of("text", "Scale", "min", "5", "max", "x"))
                    .document()))
        .containsExactly("Enter a whole number, for example 0 or 10");
    assertThat(
            problems(
                addItem(draft, "SCALE", Map.of("text", "Scale", "min", "5", "max", "3"))
                    .document()))
        .containsExactly("The highest answer must be above the lowest, by 20 at most");
    addItem(draft, "FREE_TEXT", Map.of("text", "Words"));

    Document score =
        admin
            .post(
                BASE + "/drafts/" + draft + "/scores/new",
                Map.of(
                    "version", version(draft),
                    "label", "",
                    "items", "q1",
                    "meaningfulChange", "-1",
                    "band-1-label", "Low",
                    "band-1-from", "4",
                    "band-1-to", "2"))
            .document();
    assertThat(problems(score))
        .containsExactly(
            "Enter the name of the score",
            "Only questions answered with a number can be added up: Words",
            "The highest score of band 1 must not be below its lowest",
            "Enter the smallest meaningful change as a number above 0, for example 3 or 1.5",
            "Choose whether a higher score is better");

    assertThat(
            admin
                .get(BASE + "/drafts/" + draft + "/items/new?step=type")
                .document()
                .select("#type-error")
                .text())
        .contains("Choose the kind of question");

    // Nothing of that was written; publishing names what the definition still lacks.
    assertThat(itemTexts(draft)).containsExactly("1. Words");
    admin.post(BASE + "/drafts/" + draft + "/items/q1/remove", Map.of("version", version(draft)));
    Document publish = admin.get(BASE + "/drafts/" + draft + "/publish").document();
    assertThat(publish.select("[data-testid=problems] li").eachText())
        .containsExactly("The instrument needs at least one item");
    assertThat(publish.select("form button").eachText()).doesNotContain("Publish it");
  }

  @Test
  void nobodyButAnAdministratorReachesTheBuilderAndEachRefusalIsAudited() {
    String draft = create("Refusals");
    ConnectionFixture f = new ConnectionFixture(identity, curation, port);
    for (var user : List.of(f.linkWorker, f.manager, f.coordinator, f.referrer)) {
      WebSession s = f.signedIn(user);
      for (String path :
          List.of(
              BASE,
              BASE + "/new",
              BASE + "/ONS4/versions/1",
              BASE + "/drafts/" + draft,
              BASE + "/drafts/" + draft + "/details",
              BASE + "/drafts/" + draft + "/items/new?type=SCALE",
              BASE + "/drafts/" + draft + "/scores/new",
              BASE + "/drafts/" + draft + "/preview",
              BASE + "/drafts/" + draft + "/publish",
              BASE + "/drafts/" + draft + "/delete")) {
        assertThat(s.get(path).status()).as("GET " + path).isEqualTo(403);
      }
      for (String path :
          List.of(
              BASE + "/new",
              BASE + "/ONS4/versions/1/new-version",
              BASE + "/drafts/" + draft + "/details",
              BASE + "/drafts/" + draft + "/items/new",
              BASE + "/drafts/" + draft + "/items/q1",
              BASE + "/drafts/" + draft + "/items/q1/move",
              BASE + "/drafts/" + draft + "/items/q1/remove",
              BASE + "/drafts/" + draft + "/scores/new",
              BASE + "/drafts/" + draft + "/scores/total/remove",
              BASE + "/drafts/" + draft + "/publish",
              BASE + "/drafts/" + draft + "/delete")) {
        assertThat(
                s.post(
                        path,
                        Map.of("version", "0", "code", "SNEAKY", "title", "x", "type", "FREE_TEXT"))
                    .status())
            .as("POST " + path)
            .isEqualTo(403);
      }
      List<AuditEvent> refused =
          audit
              .search(new AuditQuery(user.email(), null, "ACCESS_REFUSED", null, null, 0, 100))
              .events();
      assertThat(refused.stream().map(AuditEvent::recordId))
          .contains("GET " + BASE, "POST " + BASE + "/drafts/" + draft + "/publish");
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM outcome_instrument_draft WHERE code = 'SNEAKY'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(admin.get(BASE + "/drafts/" + draft).document().select("[data-testid=no-items]"))
        .hasSize(1);

    // The facade refuses too, and audits the refusal.
    assertThatThrownBy(() -> ConnectionFixture.as(f.linkWorker, () -> builder.drafts()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        f.linkWorker.email(), null, "MAINTAIN_INSTRUMENTS", null, null, 0, 10))
                .events())
        .isNotEmpty();
  }

  @Test
  void theAdministratorsHomeAndMenuLinkToTheQuestionnaires() {
    Document home = admin.get("/").document();
    assertThat(home.select("a[href=" + BASE + "]").eachText()).contains("Questionnaires");
    Document list = admin.get(BASE).document();
    assertThat(list.select("[data-testid=version-row][data-code=SWEMWBS]").text())
        .contains("Shipped with Waymark");
    assertThat(
            new WebSession(port)
                .signedInAs(Role.LINK_WORKER)
                .get("/")
                .document()
                .select("a[href=" + BASE + "]"))
        .isEmpty();
    UUID unknown = UUID.randomUUID();
    assertThat(admin.get(BASE + "/drafts/" + unknown).status()).isEqualTo(404);
  }
}

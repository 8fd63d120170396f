package org.waymark.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * A study update composed from the study's records and the team's words, previewed, published as a
 * page and a PDF that then never change; small numbers suppressed.
 */
@WaymarkIntegrationTest
class StudyUpdateIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired Studies studies;
  @Autowired Participants participants;
  @Autowired Fieldwork fieldwork;
  @Autowired Governance governance;
  @Autowired StudyUpdates updates;

  UserAccount chief;
  UserAccount dataManager;
  UserAccount outsider;
  UUID studyId;
  LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  @BeforeEach
  void setUp() {
    Organisation university =
        identity.createOrganisation(
            OrganisationType.UNIVERSITY, "University " + UUID.randomUUID(), null, null, null);
    chief = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    dataManager = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    outsider = TestUsers.create(identity, university.id(), Role.RESEARCHER);
    TestUsers.as(
        chief,
        () -> {
          studyId =
              studies
                  .create(
                      new StudyDetails(
                          "Connecting communities",
                          "UPD" + (System.nanoTime() % 100000),
                          null,
                          "NIHR School for Primary Care Research",
                          "SPCR-123",
                          null,
                          null,
                          "connect@example.ac.uk",
                          null,
                          today.minusMonths(3),
                          null))
                  .id();
          studies.putMember(
              studyId, dataManager.id(), StudyRole.DATA_MANAGER, "Data manager", null);
          studies.putMember(
              studyId,
              chief.id(),
              StudyRole.CHIEF_INVESTIGATOR,
              "Professor of Primary Care",
              "Jo has worked with link workers for ten years.");
          UUID site = studies.addSite(studyId, "S01", "Aire Valley", null).id();
          studies.addGroup(studyId, "P", "Patients");
          UUID wp =
              studies
                  .addWorkPackage(studyId, "WP1", "Observation and interviews", null, null, null)
                  .id();
          studies.addEvent(studyId, wp, "First interview", null, 0, 0);
          participants.addDocument(
              studyId,
              null,
              "1.0",
              today.minusMonths(3),
              Set.of(ConsentItem.INTERVIEW),
              Set.of(ConsentItem.INTERVIEW));
          governance.recordMeeting(
              studyId,
              MeetingKind.PPI_GROUP,
              today.minusDays(10),
              MeetingFormat.ONLINE,
              "Four contributors",
              "The interview leaflet",
              "Shorter leaflet");
          governance.recordOutput(
              studyId,
              OutputKind.BLOG,
              "Why link workers matter",
              "J Chief",
              today.minusDays(5),
              "https://example.org/blog");
          return null;
        });
    UUID site = TestUsers.as(chief, () -> studies.find(studyId)).sites().get(0).id();
    UUID group = TestUsers.as(chief, () -> studies.find(studyId)).groups().get(0).id();
    UUID form = TestUsers.as(chief, () -> participants.documents(studyId)).get(0).id();
    for (String name : new String[] {"A", "B"}) {
      Participant p =
          TestUsers.as(
              dataManager, () -> participants.add(studyId, site, group, name, null, null, null));
      TestUsers.as(
          chief,
          () ->
              participants.recordConsent(
                  studyId, p.id(), p.version(), form, today, Set.of(ConsentItem.INTERVIEW)));
    }
  }

  @Test
  void anUpdateIsComposedPreviewedAndPublishedAsAPageAndAPdfThatStayAsTheyWere() throws Exception {
    WebSession ci = new WebSession(port);
    ci.signIn(chief.email(), TestUsers.PASSWORD);
    String base = "/studies/" + studyId + "/updates";
    WebSession.Page started = ci.post(base, Map.of());
    assertThat(started.status()).isEqualTo(302);
    String page = started.location().replaceAll("^https?://[^/]+", "");
    StudyUpdate draft = TestUsers.as(chief, () -> updates.list(studyId)).get(0);
    assertThat(draft.published()).isFalse();
    assertThat(draft.words(UpdatePart.STAY_IN_TOUCH.name())).contains("connect@example.ac.uk");

    // A photo for the meet-the-team part: a real PNG is kept, anything else refused.
    String photoPage = "/studies/" + studyId + "/team/" + chief.id() + "/photo";
    Document notImage =
        ci.postFile(photoPage, "photo", "me.png", "image/png", "not a picture".getBytes())
            .document();
    assertThat(notImage.select(".nhsuk-error-summary").text())
        .contains("Choose a PNG or JPEG photo");
    assertThat(ci.postFile(photoPage, "photo", "me.png", "image/png", png()).status())
        .isEqualTo(302);
    assertThat(ci.get(photoPage).status()).isEqualTo(200);

    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("version", Long.toString(draft.version()));
    form.put("title", "Study update, winter");
    form.put("periodFromDay", "" + today.minusMonths(1).getDayOfMonth());
    form.put("periodFromMonth", "" + today.minusMonths(1).getMonthValue());
    form.put("periodFromYear", "" + today.minusMonths(1).getYear());
    form.put("periodToDay", "" + today.getDayOfMonth());
    form.put("periodToMonth", "" + today.getMonthValue());
    form.put("periodToYear", "" + today.getYear());
    form.put("featuredUserId", chief.id().toString());
    form.put("words-INTRODUCTION", "The study has started at its first site.");
    form.put("words-ACKNOWLEDGEMENTS", "Thank you to our public contributors.");
    assertThat(ci.post(page, form).status()).isEqualTo(302);

    Document preview = ci.get(page).document();
    String text = preview.select("[data-testid=composed]").text();
    assertThat(text)
        .contains("Study update, winter")
        .contains("The study has started at its first site.")
        .contains("People taking part: fewer than 8.")
        .contains("First interview: none held.")
        .contains("Patient and public involvement group")
        .contains("The interview leaflet")
        .contains("Why link workers matter")
        .contains("Jo has worked with link workers for ten years.")
        .contains("This study is funded by NIHR School for Primary Care Research (grant SPCR-123).")
        .doesNotContain(" 2 ");

    long version = TestUsers.as(chief, () -> updates.find(studyId, draft.id())).version();
    assertThat(ci.post(page + "/publish", Map.of("version", Long.toString(version))).status())
        .isEqualTo(302);
    StudyUpdate published = TestUsers.as(chief, () -> updates.find(studyId, draft.id()));
    assertThat(published.published()).isTrue();

    WebSession.Page pdf = ci.get(page + "/pdf");
    assertThat(pdf.status()).isEqualTo(200);
    byte[] bytes = pdf.body().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    String pdfText =
        TestUsers.as(
            chief,
            () -> {
              try (PDDocument doc = Loader.loadPDF(updates.pdf(studyId, draft.id()))) {
                return new PDFTextStripper().getText(doc);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    assertThat(pdfText).contains("Study update, winter").contains("Why link workers matter");
    assertThat(bytes.length).isPositive();

    // Later records do not change a published issue; a stale edit is refused.
    TestUsers.as(
        chief,
        () ->
            governance.recordOutput(
                studyId, OutputKind.PAPER, "A later paper", "J Chief", today, null));
    assertThat(ci.get(page).document().select("[data-testid=composed]").text())
        .doesNotContain("A later paper");
    form.put("version", Long.toString(published.version()));
    assertThat(ci.post(page, form).document().text()).contains("published this update meanwhile");
    assertThat(ci.get(base).document().select("[data-testid=updates]").text())
        .contains("Published");

    // The published issue is public; a draft is not.
    WebSession anyone = new WebSession(port);
    assertThat(anyone.get("/study-updates/" + draft.id() + "/photo").status()).isEqualTo(200);
    assertThat(anyone.get(photoPage).status()).isNotEqualTo(200);
    Document shared = anyone.get("/study-updates/" + draft.id()).document();
    assertThat(shared.select("[data-testid=composed]").text())
        .contains("Study update, winter")
        .doesNotContain("A later paper");
    assertThat(anyone.get("/study-updates/" + draft.id() + "/pdf").status()).isEqualTo(200);
    StudyUpdate another = TestUsers.as(chief, () -> updates.start(studyId));
    assertThat(anyone.get("/study-updates/" + another.id()).status()).isEqualTo(404);
    assertThat(anyone.get("/study-updates/" + another.id() + "/pdf").status()).isEqualTo(404);

    WebSession other = new WebSession(port);
    other.signIn(outsider.email(), TestUsers.PASSWORD);
    assertThat(other.get(page).status()).isEqualTo(403);
    assertThat(other.get(page + "/pdf").status()).isEqualTo(403);
  }

  static byte[] png() throws java.io.IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(20, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void countsOfPeopleAreSuppressedAndRounded() {
    assertThat(updates.count(0)).isEqualTo("none");
    assertThat(updates.count(1)).isEqualTo("fewer than 8");
    assertThat(updates.count(7)).isEqualTo("fewer than 8");
    assertThat(updates.count(8)).isEqualTo("about 10");
    assertThat(updates.count(10)).isEqualTo("10");
    assertThat(updates.count(41)).isEqualTo("about 40");
    assertThat(updates.count(63)).isEqualTo("about 65");
  }
}

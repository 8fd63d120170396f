package org.waymark.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.directory.DirectoryImports;
import org.waymark.identity.Role;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

@WaymarkIntegrationTest
class DirectoryImportPagesTests {

  @LocalServerPort int port;
  @Autowired DirectoryImports imports;
  @Autowired AuditLog audit;

  WebSession admin() {
    return new WebSession(port).signedInAs(Role.ADMINISTRATOR);
  }

  /** Answer of a multipart form post, sent as a browser would with the session's cookie. */
  record Answer(int status, String location, String body) {
    Document document() {
      return Jsoup.parse(body);
    }
  }

  Answer upload(
      WebSession session, String path, Map<String, String> fields, String fileName, String content)
      throws IOException, InterruptedException {
    String boundary = "----waymark" + ThreadLocalRandom.current().nextLong(1L << 40);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    StringBuilder parts = new StringBuilder();
    fields.forEach(
        (name, value) ->
            parts
                .append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
    parts
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
        .append(session.csrfToken())
        .append("\r\n");
    parts
        .append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.write(parts.toString().getBytes(StandardCharsets.UTF_8));
    body.write(content.getBytes(StandardCharsets.UTF_8));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Cookie", "WAYMARK_SESSION=" + session.sessionCookie())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    HttpResponse<String> r =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
  }

  @Test
  void administratorSeesTheImportsAndADemoImportsReport() {
    WebSession browser = admin();
    WebSession.Page list = browser.get("/admin/directory/imports");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.h1()).isEqualTo("Directory imports");
    Document doc = list.document();
    assertThat(doc.select("[data-testid=import-row]").eachText())
        .anySatisfy(t -> assertThat(t).contains("bristol-council-oruk1-services", "811"));

    DirectoryImports.Summary bristol =
        imports.recentImports(1000).stream()
            .filter(s -> s.source().equals("bristol-council-oruk1-services"))
            .findFirst()
            .orElseThrow();
    WebSession.Page report = browser.get("/admin/directory/imports/" + bristol.id());
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.h1()).contains("bristol-council-oruk1-services");
    assertThat(report.document().select("[data-testid=import-line]")).hasSize(200);
    assertThat(report.document().select(".nhsuk-pagination__link--next").attr("href"))
        .isEqualTo("/admin/directory/imports/" + bristol.id() + "?page=1");

    WebSession.Page skipped =
        browser.get("/admin/directory/imports/" + bristol.id() + "?outcome=SKIPPED");
    assertThat(skipped.document().select("[data-testid=import-line]")).hasSize(8);
    assertThat(skipped.document().select("[data-testid=import-line]").eachAttr("data-outcome"))
        .containsOnly("SKIPPED");
    assertThat(skipped.document().select("[data-testid=import-lines]").text())
        .contains("The record has no name", "The description is blank");

    assertThat(browser.get("/admin/directory/imports/" + UUID.randomUUID()).status())
        .isEqualTo(404);
  }

  @Test
  void administratorUploadsAFeedAndLandsOnItsReport() throws Exception {
    WebSession browser = admin();
    assertThat(browser.get("/admin/directory/imports/upload").status()).isEqualTo(200);
    String source = "upload-" + ThreadLocalRandom.current().nextInt(1_000_000);
    String feed =
        """
        [{"id": "u1", "name": "Uploaded lunch club", "description": "<p>Hot meals on Fridays</p>"},
         {"id": "u2", "name": "", "description": "<p><br></p>"}]
        """;
    Answer answer =
        upload(
            browser,
            "/admin/directory/imports/upload",
            Map.of("format", "ORUK_1_JSON", "source", source),
            "feed.json",
            feed);
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.location()).contains("/admin/directory/imports/");
    String id = answer.location().substring(answer.location().lastIndexOf('/') + 1);

    Document report = browser.get("/admin/directory/imports/" + id).document();
    assertThat(report.select(".nhsuk-notification-banner").text())
        .contains("1 created", "1 skipped");
    assertThat(report.select("[data-field=startedBy]").text()).contains("admin@demo.waymark.test");
    assertThat(
            audit
                .search(new AuditQuery("admin@", null, "DIRECTORY_IMPORTED", null, null, 0, 50))
                .events())
        .anySatisfy(e -> assertThat(e.recordId()).isEqualTo(id));
  }

  @Test
  void anUploadWithoutAFileOrFormatIsShownItsErrors() throws Exception {
    WebSession browser = admin();
    Answer answer =
        upload(browser, "/admin/directory/imports/upload", Map.of("format", "MARTIAN"), "", "");
    assertThat(answer.status()).isEqualTo(200);
    Document doc = answer.document();
    assertThat(doc.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#format", "#file");
    assertThat(doc.select(".nhsuk-error-summary").text())
        .contains("Choose the file's format", "Choose a file to import");

    Answer postcodes = upload(browser, "/admin/directory/imports/postcodes", Map.of(), "", "");
    assertThat(postcodes.status()).isEqualTo(200);
    assertThat(postcodes.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#file");
  }

  @Test
  void administratorAddsAnApiAndIsToldWhatIsWrongWithAnAddress() {
    WebSession browser = admin();
    assertThat(browser.get("/admin/directory/imports/sources/new").status()).isEqualTo(200);
    WebSession.Page bad =
        browser.post(
            "/admin/directory/imports/sources/new",
            Map.of("baseUrl", "ftp://example.org", "name", "", "everyHours", "a day"));
    assertThat(bad.status()).isEqualTo(200);
    assertThat(bad.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#baseUrl", "#everyHours");

    String url =
        "https://oruk-" + ThreadLocalRandom.current().nextInt(1_000_000) + ".example.org/api";
    WebSession.Page added =
        browser.post(
            "/admin/directory/imports/sources/new",
            Map.of("baseUrl", url, "name", "Example council", "everyHours", "12"));
    assertThat(added.status()).isEqualTo(302);
    Document list = browser.get("/admin/directory/imports").document();
    assertThat(list.select("[data-testid=harvest-sources]").text()).contains(url, "12 hours");
  }

  @Test
  void administratorImportsPostcodesThroughThePage() throws Exception {
    WebSession browser = admin();
    assertThat(browser.get("/admin/directory/imports/postcodes").status()).isEqualTo(200);
    Answer answer =
        upload(
            browser,
            "/admin/directory/imports/postcodes",
            Map.of(),
            "ONSPD_TEST.csv",
            "pcds,lat,long\nLS1 4AP,53.7997,-1.5492\n");
    assertThat(answer.status()).isEqualTo(302);
    Document report = browser.get(URI.create(answer.location()).getPath()).document();
    assertThat(report.select("h1").text()).contains("ONSPD_TEST");
    assertThat(report.select("[data-field=message]").text()).contains("locations geocoded");
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"ADMINISTRATOR"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyOtherRoleIsRefused(Role role) throws Exception {
    WebSession browser = new WebSession(port).signedInAs(role);
    assertThat(browser.get("/admin/directory/imports").status()).isEqualTo(403);
    assertThat(browser.get("/admin/directory/imports/upload").status()).isEqualTo(403);
    assertThat(
            upload(
                    browser,
                    "/admin/directory/imports/upload",
                    Map.of("format", "ORUK_1_JSON"),
                    "x.json",
                    "[]")
                .status())
        .isEqualTo(403);
    assertThat(browser.get("/").document().select("a[href=/admin/directory/imports]")).isEmpty();
  }
}

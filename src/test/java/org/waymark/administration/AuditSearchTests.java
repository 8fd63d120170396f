package org.waymark.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.administration.AdministrationFixtures.EVERY_OTHER_ROLE;
import static org.waymark.administration.AdministrationFixtures.GOOD_PASSWORD;
import static org.waymark.administration.AdministrationFixtures.email;
import static org.waymark.administration.AdministrationFixtures.form;
import static org.waymark.administration.AdministrationFixtures.idFrom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.identity.Role;
import org.waymark.support.DemoAccounts;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import org.waymark.support.WebSession.Page;

@WaymarkIntegrationTest
class AuditSearchTests {

  private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

  @LocalServerPort int port;
  @Autowired AuditLog audit;

  @Test
  void aFailedSignInShowsUpFilteredByUserActionAndDate() {
    String stranger = email("stranger");
    new WebSession(port).signIn(stranger, "not-anybody's-password");
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String today = LocalDate.now(ZoneOffset.UTC).format(TYPED);

    String search = "/admin/audit?user=" + enc(stranger) + "&action=SIGN_IN_FAILED";

    Document found = admin.get(search + "&from=" + enc(today) + "&to=" + enc(today)).document();

    List<Element> rows = found.select("[data-testid=audit-entries] tbody tr");
    assertThat(rows).hasSize(1);
    List<String> cells = cells(rows.get(0));
    assertThat(cells.get(0)).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2}");
    assertThat(cells.get(1)).isEqualTo(stranger);
    assertThat(cells.get(3))
        .as("anonymous entries belong to the deployment")
        .isEqualTo("Waymark deployment");
    assertThat(cells.get(4)).isEqualTo("SIGN_IN_FAILED");
    assertThat(cells.get(5)).isEqualTo("Refused");
    assertThat(cells.get(9)).as("request id").isNotBlank();

    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).format(TYPED);
    Document later =
        admin.get("/admin/audit?user=" + enc(stranger) + "&from=" + enc(tomorrow)).document();
    assertThat(later.select("[data-testid=audit-entries]")).isEmpty();
    assertThat(later.select("[data-testid=result-count]").text())
        .isEqualTo("No entries match your search.");
    Document otherAction =
        admin.get("/admin/audit?user=" + enc(stranger) + "&action=USER_CREATED").document();
    assertThat(otherAction.select("[data-testid=audit-entries]")).isEmpty();
  }

  @Test
  void aUserCreationShowsUpNewestFirstWithWhoDidIt() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    Page created =
        admin.post(
            "/admin/users/new",
            form(
                "displayName",
                "Audrey Audited",
                "email",
                email("audited"),
                "password",
                GOOD_PASSWORD));
    UUID userId = idFrom(created);
    String today = LocalDate.now(ZoneOffset.UTC).format(TYPED);

    Document found =
        admin
            .get(
                "/admin/audit?user="
                    + enc(DemoAccounts.email(Role.ADMINISTRATOR))
                    + "&action=USER_CREATED&from="
                    + enc(today)
                    + "&to="
                    + enc(today))
            .document();

    List<String> newest = cells(found.select("[data-testid=audit-entries] tbody tr").get(0));
    assertThat(newest.get(1)).isEqualTo(DemoAccounts.email(Role.ADMINISTRATOR));
    assertThat(newest.get(2)).isEqualTo("Administrator");
    assertThat(newest.get(3)).isEqualTo("Waymark deployment");
    assertThat(newest.get(4)).isEqualTo("USER_CREATED");
    assertThat(newest.get(5)).isEqualTo("Allowed");
    assertThat(newest.get(6)).isEqualTo("user " + userId);
    assertThat(found.select("#action option[selected]").text()).isEqualTo("USER_CREATED");
    assertThat(found.select("#action option").eachText())
        .contains("SIGN_IN_FAILED", "USER_CREATED");
  }

  @Test
  void pagesThroughResultsKeepingTheFilters() {
    String username = email("pager");
    for (int i = 0; i < 53; i++) {
      audit.record(
          new AuditActor(AuditLog.DEPLOYMENT, null, username, null),
          AuditEntry.refused("SIGN_IN_FAILED", "user", null, null).withDetail("attempt " + i));
    }
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);

    Document first =
        admin.get("/admin/audit?user=" + enc(username) + "&action=SIGN_IN_FAILED").document();

    assertThat(first.select("[data-testid=audit-entries] tbody tr")).hasSize(50);
    assertThat(first.select("[data-testid=result-count]").text())
        .isEqualTo("Showing 1 to 50 of 53 entries");
    assertThat(first.select(".nhsuk-pagination__link--prev")).isEmpty();
    String next = first.select(".nhsuk-pagination__link--next").attr("href");
    assertThat(next).contains("user=" + enc(username), "action=SIGN_IN_FAILED", "page=1");

    Document second = admin.get(next).document();

    assertThat(second.select("[data-testid=audit-entries] tbody tr")).hasSize(3);
    assertThat(second.select("[data-testid=audit-entries] tbody tr td:nth-of-type(2)").eachText())
        .containsOnly(username);
    assertThat(second.select("[data-testid=result-count]").text())
        .isEqualTo("Showing 51 to 53 of 53 entries");
    assertThat(second.select(".nhsuk-pagination__link--next")).isEmpty();
    assertThat(second.select(".nhsuk-pagination__link--prev").attr("href"))
        .contains("user=" + enc(username), "page=0");
  }

  @Test
  void badDatesAndPersonIdsReRenderWithTheErrorSummaryAndNoResults() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);

    Page bad = admin.get("/admin/audit?personId=not-a-uuid&from=31%2F02%2F2026&to=tomorrow");

    assertThat(bad.status()).isEqualTo(200);
    Document page = bad.document();
    assertThat(page.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#personId", "#from", "#to");
    assertThat(page.select(".nhsuk-error-summary a[href=#from]").text())
        .isEqualTo("Enter a real from date, like 27/11/2026");
    assertThat(page.select(".nhsuk-form-group--error #personId").attr("value"))
        .isEqualTo("not-a-uuid");
    assertThat(page.select("[data-testid=audit-entries]")).isEmpty();

    Document backwards = admin.get("/admin/audit?from=2%2F3%2F2026&to=1%2F3%2F2026").document();
    assertThat(backwards.select(".nhsuk-error-summary a[href=#to]").text())
        .isEqualTo("Enter a to date that is the same as or after the from date");
  }

  @Test
  void searchingTheAuditLogIsItselfAudited() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UUID personId = UUID.randomUUID();

    assertThat(admin.get("/admin/audit?personId=" + personId).status()).isEqualTo(200);

    List<AuditEvent> aboutThePerson = audit.forPerson(personId);
    assertThat(aboutThePerson).hasSize(1);
    AuditEvent search = aboutThePerson.get(0);
    assertThat(search.action()).isEqualTo("AUDIT_LOG_SEARCHED");
    assertThat(search.username()).isEqualTo(DemoAccounts.email(Role.ADMINISTRATOR));
    assertThat(search.role()).isEqualTo("ADMINISTRATOR");
    assertThat(search.detail()).contains("person=" + personId);
  }

  @Test
  void actionsAreDistinctAndInAlphabeticalOrder() {
    new WebSession(port).signIn(email("nobody"), "wrong-password-again");

    List<String> actions = audit.actions();

    assertThat(actions).contains("SIGN_IN_FAILED").doesNotHaveDuplicates().isSorted();
  }

  @Test
  void refusesEveryOtherRole() {
    for (Role role : EVERY_OTHER_ROLE) {
      WebSession session = new WebSession(port).signedInAs(role);
      assertThat(session.get("/admin/audit").status()).as(role.name()).isEqualTo(403);
      assertThat(session.get("/admin/audit?action=SIGN_IN&page=1").status())
          .as(role.name())
          .isEqualTo(403);
    }
  }

  /** Every cell of a results row, empty ones included. */
  private static List<String> cells(Element row) {
    return row.select("td").stream().map(Element::text).toList();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

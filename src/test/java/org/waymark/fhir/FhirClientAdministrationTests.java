package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/**
 * The administration pages for FHIR client systems, over HTTP as a browser uses them: an
 * administrator registers a GP practice's system, sees its secret once, the secret gets a token
 * from the authorisation server, and disabling the client stops it; bad input is shown on its
 * fields and writes nothing; nobody but an administrator reaches any of the pages.
 */
@WaymarkIntegrationTest
class FhirClientAdministrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired FhirClients clients;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  UserAccount admin;
  WebSession session;
  Organisation practice;
  Organisation vcs;

  @BeforeEach
  void signInAsAdministrator() {
    admin = TestUsers.create(identity, AuditLog.DEPLOYMENT, Role.ADMINISTRATOR);
    session = new WebSession(port);
    WebSession.Page signedIn = session.signIn(admin.email(), TestUsers.PASSWORD);
    assertThat(signedIn.status()).isEqualTo(302);
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    practice =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE, "Fieldside Surgery " + suffix, null, null, "LS2 7EY");
    vcs =
        identity.createOrganisation(
            OrganisationType.VCS, "Riverside Befrienders " + suffix, null, null, "LS6 1AA");
  }

  @Test
  void administratorRegistersAClientSeesItsSecretOnceAndDisablingItStopsIt() {
    assertThat(
            ok(session.get("/admin/organisations/" + practice.id()))
                .select("[data-testid=fhir-clients-link]")
                .attr("href"))
        .isEqualTo("/admin/fhir-clients?organisationId=" + practice.id());
    Organisation icb =
        identity.createOrganisation(
            OrganisationType.ICB, "Dales ICB " + practice.id(), null, null, "LS1 4AP");
    assertThat(
            ok(session.get("/admin/organisations/" + icb.id()))
                .select("[data-testid=fhir-clients-link]"))
        .isEmpty();
    Document chooser = ok(session.get("/admin/fhir-clients"));
    assertThat(chooser.select("#organisationId option").eachAttr("value"))
        .contains(practice.id().toString(), vcs.id().toString());
    Document none = ok(session.get("/admin/fhir-clients?organisationId=" + practice.id()));
    assertThat(none.select("[data-testid=no-clients]")).hasSize(1);

    String register = "/admin/fhir-clients/organisations/" + practice.id() + "/register";
    Document form = ok(session.get(register));
    assertThat(form.select("input[type=checkbox][name=scopes]"))
        .hasSize(FhirClients.RESOURCE_TYPES.size() * 2);
    assertThat(form.select("#scopes").attr("value")).isEqualTo("system/Patient.read");
    assertThat(form.select("select#referralSource option").eachAttr("value")).contains("GP");

    WebSession.Page answer =
        session.postAll(
            register,
            List.of(
                Map.entry("name", "Fieldside clinical system"),
                Map.entry("scopes", "system/ServiceRequest.write"),
                Map.entry("scopes", "system/Task.read"),
                Map.entry("referralSource", "GP")));
    Document registered = ok(answer);
    assertThat(answer.header("Cache-Control").orElse("")).contains("no-store");
    String clientId = registered.select("[data-testid=client-id]").text();
    String secret = registered.select("[data-testid=client-secret]").text();
    assertThat(clientId).startsWith("wm-");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
    assertThat(registered.select("[data-testid=token-url]").text())
        .isEqualTo("http://localhost:" + port + "/oauth2/token");
    assertThat(registered.select("[data-testid=credentials]").text())
        .contains("system/ServiceRequest.write", "system/Task.read", "GP");

    FhirHttp system = new FhirHttp(port);
    assertThat(system.token(clientId, secret, null).status()).isEqualTo(200);
    assertThat(system.get("/fhir/Task").status()).isEqualTo(200);
    FhirClient stored = clients.enabledByClientId(clientId).orElseThrow();
    assertThat(stored.organisationId()).isEqualTo(practice.id());
    assertThat(stored.scopes()).containsExactly("system/ServiceRequest.write", "system/Task.read");
    assertThat(stored.referralSource()).isEqualTo("GP");
    String hash =
        jdbc.sql("SELECT secret_hash FROM fhir_client WHERE client_id = ?")
            .param(clientId)
            .query(String.class)
            .single();
    assertThat(hash).doesNotContain(secret);

    // Never shown again: not in the list, not on the confirmation.
    WebSession.Page list = session.get("/admin/fhir-clients?organisationId=" + practice.id());
    Document listed = ok(list);
    assertThat(list.body()).doesNotContain(secret);
    assertThat(listed.select("[data-testid=client]").text())
        .contains("Fieldside clinical system", clientId, "system/Task.read", "Enabled");
    String disable = listed.select("[data-testid=disable-link]").attr("href");
    assertThat(disable).isEqualTo("/admin/fhir-clients/" + stored.id() + "/disable");
    WebSession.Page confirm = session.get(disable);
    assertThat(ok(confirm).select("h1").text()).contains("Disable Fieldside clinical system?");
    assertThat(confirm.body()).doesNotContain(secret);
    assertThat(
            audit
                .search(
                    new AuditQuery(
                        admin.email(), null, "FHIR_CLIENT_REGISTERED", null, null, 0, 10))
                .events())
        .hasSize(1);

    WebSession.Page disabled = session.post(disable, Map.of());
    assertThat(disabled.status()).isEqualTo(302);
    assertThat(disabled.location()).endsWith("/admin/fhir-clients?organisationId=" + practice.id());
    Document after = ok(session.get("/admin/fhir-clients?organisationId=" + practice.id()));
    assertThat(after.select("[data-testid=success]").text())
        .contains("Fieldside clinical system is disabled");
    assertThat(after.select("[data-testid=client-status]").text()).contains("Disabled");
    assertThat(after.select("[data-testid=disable-link]")).isEmpty();

    assertThat(system.get("/fhir/Task").status()).isEqualTo(401);
    assertThat(new FhirHttp(port).token(clientId, secret, null).status()).isEqualTo(401);
    assertThat(
            audit
                .search(
                    new AuditQuery(admin.email(), null, "FHIR_CLIENT_DISABLED", null, null, 0, 10))
                .events())
        .hasSize(1);

    WebSession.Page again = session.post(disable, Map.of());
    assertThat(again.status()).isEqualTo(302);
    java.net.URI back = java.net.URI.create(again.location());
    assertThat(ok(session.get(back.getRawPath() + "?" + back.getRawQuery())).text())
        .contains("was already disabled");
  }

  @Test
  void aVoluntaryOrganisationsClientNeedsNoReferralSource() {
    String register = "/admin/fhir-clients/organisations/" + vcs.id() + "/register";
    assertThat(ok(session.get(register)).select("#referralSource")).isEmpty();
    Document registered =
        ok(
            session.postAll(
                register,
                List.of(
                    Map.entry("name", "Riverside referral platform"),
                    Map.entry("scopes", "system/ServiceRequest.read"),
                    Map.entry("scopes", "system/Task.read"),
                    Map.entry("scopes", "system/Task.write"),
                    // Offered only to organisations that refer: ignored here.
                    Map.entry("referralSource", "GP"))));
    FhirClient client =
        clients
            .enabledByClientId(registered.select("[data-testid=client-id]").text())
            .orElseThrow();
    assertThat(client.referralSource()).isNull();
    assertThat(client.scopes())
        .containsExactly("system/ServiceRequest.read", "system/Task.read", "system/Task.write");
  }

  @Test
  void badInputIsShownOnItsFieldsAndNothingIsWritten() {
    String register = "/admin/fhir-clients/organisations/" + practice.id() + "/register";
    Document empty = ok(session.postAll(register, List.of(Map.entry("name", "  "))));
    assertThat(empty.select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactly("#name", "#scopes", "#referralSource");
    assertThat(empty.select(".nhsuk-error-summary").text())
        .contains(
            "Enter a name for the client system",
            "Choose at least one resource type the client may read or write",
            "Choose the referral source its referrals carry when they name none");
    assertThat(empty.select("#name-error")).hasSize(1);
    assertThat(empty.select("#scopes-error")).hasSize(1);
    assertThat(empty.select("#referralSource-error")).hasSize(1);

    Document wrong =
        ok(
            session.postAll(
                register,
                List.of(
                    Map.entry("name", "x".repeat(201)),
                    Map.entry("scopes", "system/Task.read"),
                    Map.entry("scopes", "system/Everything.write"),
                    Map.entry("referralSource", "NOT-A-SOURCE"))));
    assertThat(wrong.select(".nhsuk-error-summary").text())
        .contains(
            "The name must be 200 characters or fewer",
            "Choose what the client may read or write from the list",
            "Choose a referral source from the list");
    // What was ticked stays ticked.
    assertThat(wrong.select("input[name=scopes][checked]").eachAttr("value"))
        .containsExactly("system/Task.read");

    assertThat(
            session
                .postRaw(
                    register,
                    Map.of(
                        "name", "No token", "scopes", "system/Task.read", "referralSource", "GP"))
                .status())
        .isEqualTo(403);
    assertThat(clientsOf(practice)).isZero();
    assertThat(session.get("/admin/fhir-clients?organisationId=" + UUID.randomUUID()).status())
        .isEqualTo(404);
    assertThat(session.get("/admin/fhir-clients?organisationId=" + AuditLog.DEPLOYMENT).status())
        .isEqualTo(404);
  }

  @Test
  void nobodyButAnAdministratorReachesThePages() {
    FhirClient existing =
        TestUsers.as(
                admin,
                () ->
                    clients.register(
                        practice.id(), "Existing system", List.of("system/Task.read"), "GP"))
            .client();
    String register = "/admin/fhir-clients/organisations/" + practice.id() + "/register";
    String disable = "/admin/fhir-clients/" + existing.id() + "/disable";
    List<String> wrong = new ArrayList<>();
    for (Role role :
        List.of(Role.LINK_WORKER, Role.SERVICE_MANAGER, Role.REFERRER, Role.VCS_COORDINATOR)) {
      WebSession other = new WebSession(port).signedInAs(role);
      for (WebSession.Page answer :
          List.of(
              other.get("/admin/fhir-clients"),
              other.get("/admin/fhir-clients?organisationId=" + practice.id()),
              other.get(register),
              other.postAll(
                  register,
                  List.of(
                      Map.entry("name", "Sneaky"),
                      Map.entry("scopes", "system/Patient.read"),
                      Map.entry("referralSource", "GP"))),
              other.get(disable),
              other.post(disable, Map.of()))) {
        if (answer.status() != 403) {
          wrong.add(role + ": " + answer.status());
        }
      }
      assertThat(other.get("/").document().select("a[href=/admin/fhir-clients]")).isEmpty();
    }
    assertThat(wrong).isEmpty();
    assertThat(clientsOf(practice)).isEqualTo(1);
    assertThat(clients.enabledByClientId(existing.clientId())).isPresent();
  }

  private long clientsOf(Organisation organisation) {
    return jdbc.sql("SELECT count(*) FROM fhir_client WHERE organisation_id = ?")
        .param(organisation.id())
        .query(Long.class)
        .single();
  }

  private static Document ok(WebSession.Page page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.document();
  }
}

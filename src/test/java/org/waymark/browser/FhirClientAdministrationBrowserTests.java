package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;

/**
 * The demo administrator opens FHIR client systems from the home page, chooses a GP practice,
 * registers its clinical system (first leaving every field empty and seeing what is missing), sees
 * the client id and secret once, goes back to the practice's list and disables the client after a
 * confirmation, without JavaScript being needed for any step. Every page visited meets WCAG 2.2 AA.
 */
class FhirClientAdministrationBrowserTests extends BrowserTestSupport {

  @Autowired IdentityManagement identity;

  @Test
  void administratorRegistersAPracticesSystemAndDisablesIt() {
    Organisation practice =
        identity.createOrganisation(
            OrganisationType.GP_PRACTICE,
            "Brookside Surgery " + ThreadLocalRandom.current().nextInt(1000, 9999),
            null,
            null,
            "LS2 7EY");

    LoginPage.open(browser()).signInAs(Role.ADMINISTRATOR);
    browser().find(By.cssSelector("main a[href='/admin/fhir-clients']")).click();
    waitForPath(browser(), p -> p.equals("/admin/fhir-clients"), "/admin/fhir-clients");
    page("fhir-clients", "FHIR client systems");

    new Select(browser().find(By.id("organisationId")))
        .selectByVisibleText(practice.name() + " (GP practice)");
    browser().find(By.cssSelector("[data-testid=show-clients]")).click();
    waitForPath(
        browser(),
        p -> p.equals("/admin/fhir-clients?organisationId=" + practice.id()),
        "the practice's clients");
    assertThat(text("[data-testid=no-clients]")).contains("No client systems");
    page("fhir-clients-of-practice", "a practice without clients");

    browser().find(By.cssSelector("[data-testid=register-link]")).click();
    waitForPath(browser(), p -> p.endsWith("/register"), "the registration form");
    page("fhir-client-register", "registering a client");

    browser().find(By.cssSelector("[data-testid=register]")).click();
    new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector(".nhsuk-error-summary")).isEmpty());
    assertThat(text(".nhsuk-error-summary"))
        .contains(
            "Enter a name for the client system",
            "Choose at least one resource type the client may read or write",
            "Choose the referral source its referrals carry when they name none");
    page("fhir-client-register-errors", "what is missing");

    type("name", "Brookside clinical system");
    tick("scope-ServiceRequest-write");
    tick("scope-Task-read");
    tick("scope-DocumentReference-read");
    new Select(browser().find(By.id("referralSource"))).selectByValue("GP");
    browser().find(By.cssSelector("[data-testid=register]")).click();
    new WebDriverWait(browser().driver(), Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("[data-testid=client-secret]")).isEmpty());
    String clientId = text("[data-testid=client-id]");
    assertThat(clientId).startsWith("wm-");
    assertThat(text("[data-testid=client-secret]")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(text("[data-testid=token-url]")).endsWith("/oauth2/token");
    page("fhir-client-registered", "the client id and secret, shown once");

    browser().find(By.cssSelector("[data-testid=done]")).click();
    waitForPath(browser(), p -> p.startsWith("/admin/fhir-clients?organisationId="), "the clients");
    assertThat(text("[data-testid=client]"))
        .contains("Brookside clinical system", clientId, "system/Task.read", "Enabled");
    page("fhir-clients-with-client", "the practice's client");

    browser().find(By.cssSelector("[data-testid=disable-link]")).click();
    waitForPath(browser(), p -> p.endsWith("/disable"), "the confirmation");
    assertThat(browser().h1()).contains("Disable Brookside clinical system?");
    page("fhir-client-disable", "disabling a client");

    browser().find(By.cssSelector("[data-testid=confirm-disable]")).click();
    waitForText(
        "[data-testid=success] .nhsuk-notification-banner__heading",
        "Brookside clinical system is disabled: it gets no new tokens, and the tokens it holds"
            + " stop working");
    assertThat(text("[data-testid=client-status]")).contains("Disabled");
    assertThat(browser().findAll(By.cssSelector("[data-testid=disable-link]"))).isEmpty();
    page("fhir-client-disabled", "after disabling the client");
  }
}

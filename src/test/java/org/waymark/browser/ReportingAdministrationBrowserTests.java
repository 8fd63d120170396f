package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.waymark.identity.Role;

/**
 * The demo administrator opens reporting administration from the home page, uploads an Indices of
 * Deprivation file and sees what was stored, sees a wrong file refused on its field, gives a local
 * authority a PCN to commission and rebuilds the figures, without JavaScript being needed for any
 * step. Every page visited meets WCAG 2.2 AA.
 */
class ReportingAdministrationBrowserTests extends BrowserTestSupport {

  private static final String SUCCESS = "[data-testid=success] .nhsuk-notification-banner__heading";

  @TempDir Path temp;

  @Test
  void administratorUploadsDeprivationDecilesChoosesWhatACouncilSeesAndRebuildsTheFigures()
      throws IOException {
    Path iod =
        Files.writeString(
            temp.resolve("File_1_IoD2025.csv"),
            """
            LSOA code (2021),LSOA name (2021),Index of Multiple Deprivation (IMD) Rank,\
            Index of Multiple Deprivation (IMD) Decile
            E01033010,Leeds 112B,120,1
            E01033011,Leeds 112C,33000,10
            E01033012,Leeds 112D,16000,5
            """);
    Path wrong = Files.writeString(temp.resolve("contacts.csv"), "name,phone\nAnn,0113 496 0000\n");

    LoginPage.open(browser()).signInAs(Role.ADMINISTRATOR);
    browser().find(By.cssSelector("main a[href='/admin/reporting']")).click();
    waitForPath(browser(), p -> p.equals("/admin/reporting"), "/admin/reporting");
    page("reporting-administration", "reporting administration");

    browser().find(By.id("imdFile")).sendKeys(iod.toString());
    browser().find(By.cssSelector("[data-testid=import-imd]")).click();
    waitForText(
        SUCCESS,
        "Indices of Deprivation imported: 3 rows stored, 0 skipped. The figures will be"
            + " rebuilt within a few minutes.");
    assertThat(text("[data-testid=imd-2021]")).isEqualTo("3 LSOAs");
    assertThat(text("[data-testid=import-row]")).contains("File_1_IoD2025.csv");
    page("reporting-imd-imported", "after importing deprivation deciles");

    browser().find(By.id("imdFile")).sendKeys(wrong.toString());
    browser().find(By.cssSelector("[data-testid=import-imd]")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser().driver(), java.time.Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector(".nhsuk-error-summary")).isEmpty());
    assertThat(text(".nhsuk-error-summary")).contains("no LSOA code column");
    assertThat(text("[data-testid=imd-2021]")).isEqualTo("3 LSOAs");
    page("reporting-imd-refused", "a wrong file refused");

    browser().find(By.cssSelector("[data-testid=commissioning-link]")).click();
    waitForPath(
        browser(),
        p -> p.equals("/admin/reporting/commissioning"),
        "/admin/reporting/commissioning");
    page("reporting-commissioning", "commissioning");
    WebElement council =
        browser().findAll(By.cssSelector("[data-testid=commissioner]")).stream()
            .filter(s -> s.getText().contains("Aire Valley Council"))
            .findFirst()
            .orElseThrow();
    new Select(council.findElement(By.tagName("select"))).selectByVisibleText("Moorland PCN");
    council.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(SUCCESS, "Moorland PCN added to what Aire Valley Council sees");
    page("reporting-commissioning-added", "a PCN added");

    browser().find(By.linkText("Back to reporting administration")).click();
    waitForPath(browser(), p -> p.equals("/admin/reporting"), "/admin/reporting");
    browser().find(By.cssSelector("[data-testid=rebuild]")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser().driver(), java.time.Duration.ofSeconds(30))
        .until(
            d ->
                d.findElements(By.cssSelector(SUCCESS)).stream()
                    .anyMatch(e -> e.getText().startsWith("Figures rebuilt for")));
    assertThat(text("[data-testid=out-of-date]")).startsWith("0 of");
    page("reporting-rebuilt", "after rebuilding the figures");
  }
}

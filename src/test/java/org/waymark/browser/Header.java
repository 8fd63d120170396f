package org.waymark.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The NHS.UK header every page shares: who is signed in, for which organisation, and the menu. */
public final class Header {

  private final Browser browser;

  Header(Browser browser) {
    this.browser = browser;
  }

  /** Whether the header shows a signed-in account. */
  public boolean showsAccount() {
    return !browser.findAll(By.cssSelector("nav.nhsuk-header__account")).isEmpty();
  }

  /** "Role, organisation" of the membership the user is acting for; empty if none is shown. */
  public String actingOrganisation() {
    List<WebElement> acting = browser.findAll(By.cssSelector("[data-testid=acting-organisation]"));
    return acting.isEmpty() ? "" : acting.get(0).getText().trim();
  }

  /** The signed-in user's name, as the header shows it. */
  public String userName() {
    return browser.find(By.cssSelector(".nhsuk-header__account-item")).getText().trim();
  }

  /** Presses "Sign out" and expects the sign-in page to say so. */
  public LoginPage signOut() {
    browser.find(By.cssSelector("form.nhsuk-header__account-form button[type=submit]")).click();
    return LoginPage.afterSigningOut(browser);
  }
}

package org.waymark.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.waymark.identity.Role;
import org.waymark.support.DemoAccounts;

class SignInBrowserTests extends BrowserTestSupport {

  /** The header's view of each demo account once signed in, from the demo data. */
  private record Shown(String name, String actingFor) {}

  private static final Map<Role, Shown> SHOWN =
      Map.of(
          Role.ADMINISTRATOR, new Shown("Ada Administrator", "Administrator, Waymark deployment"),
          Role.SERVICE_MANAGER, new Shown("Maya Manager", "Service manager, Aire Valley PCN"),
          Role.LINK_WORKER, new Shown("Lee Linkworker", "Link worker, Moorland PCN"),
          Role.REFERRER, new Shown("Dr Rhea Referrer", "Referrer, Hillside Health Centre"),
          Role.VCS_COORDINATOR,
              new Shown("Val Coordinator", "VCS coordinator, Good Neighbours Befriending"),
          Role.COMMISSIONER, new Shown("Cam Commissioner", "Commissioner, West Riding ICB"),
          Role.RESEARCHER, new Shown("Rory Researcher", "Researcher, University of the Dales"));

  @ParameterizedTest(name = "{0}")
  @EnumSource(Role.class)
  void demoAccountSignsInSeesTheOrganisationItActsForAndSignsOut(Role role) {
    LoginPage login = LoginPage.open(browser());
    HomePage home;
    if (role == Role.LINK_WORKER) {
      ChooseOrganisationPage choose =
          login.signInAskedToChoose(DemoAccounts.email(role), DemoAccounts.PASSWORD);
      assertThat(choose.choices())
          .containsExactlyInAnyOrder("Aire Valley PCN – Link worker", "Moorland PCN – Link worker");
      browser().assertAccessible("choosing an organisation");
      // Not the membership acted for by default, so the header shows that the choice counted.
      home = choose.actFor("Moorland PCN");
    } else {
      home = login.signIn(DemoAccounts.email(role), DemoAccounts.PASSWORD);
    }

    assertThat(home.header().userName()).isEqualTo(SHOWN.get(role).name());
    assertThat(home.header().actingOrganisation()).isEqualTo(SHOWN.get(role).actingFor());
    assertThat(home.caption()).isEqualTo(SHOWN.get(role).actingFor());
    browser().assertAccessible("home page of the " + role.label());

    LoginPage signedOut = home.header().signOut();
    assertThat(signedOut.information()).isEqualTo("You have signed out.");
    assertThat(signedOut.header().showsAccount()).isFalse();
    browser().open("/");
    LoginPage.sentHere(browser(), "home-after-signing-out");
  }

  @Test
  void wrongPasswordShowsTheErrorSummaryAndLeavesTheVisitorSignedOut() {
    // A made-up account, so that no demo account comes nearer to being locked out.
    LoginPage refused =
        LoginPage.open(browser())
            .signInRefused("nobody-browser@demo.waymark.test", "not-the-password-at-all");

    assertThat(refused.errors()).containsExactly("Enter a correct email address and password");
    assertThat(refused.errorSummaryHasFocus()).isTrue();
    assertThat(refused.header().showsAccount()).isFalse();
    browser().assertAccessible("sign-in page after a wrong password");
  }

  @Test
  void skipLinkIsTheFirstThingTheKeyboardReachesAndMovesFocusToTheMainContent() {
    LoginPage.open(browser());
    assertSkipLinkFirstAndWorking();

    LoginPage.open(browser()).signIn(DemoAccounts.email(Role.ADMINISTRATOR), DemoAccounts.PASSWORD);
    assertSkipLinkFirstAndWorking();
  }

  private void assertSkipLinkFirstAndWorking() {
    new Actions(browser().driver()).sendKeys(Keys.TAB).perform();
    WebElement focused = browser().driver().switchTo().activeElement();
    assertThat(focused.getText()).isEqualTo("Skip to main content");
    assertThat(focused.getDomProperty("href")).endsWith("#maincontent");
    browser().screenshot("skip-link-focused");

    focused.sendKeys(Keys.ENTER);
    assertThat(browser().driver().switchTo().activeElement().getDomAttribute("id"))
        .isEqualTo("maincontent");
  }
}

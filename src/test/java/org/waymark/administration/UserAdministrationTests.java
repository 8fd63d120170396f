package org.waymark.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.administration.AdministrationFixtures.DEPLOYMENT;
import static org.waymark.administration.AdministrationFixtures.EVERY_OTHER_ROLE;
import static org.waymark.administration.AdministrationFixtures.GOOD_PASSWORD;
import static org.waymark.administration.AdministrationFixtures.email;
import static org.waymark.administration.AdministrationFixtures.form;
import static org.waymark.administration.AdministrationFixtures.idFrom;
import static org.waymark.administration.AdministrationFixtures.path;

import java.util.List;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Membership;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.DemoAccounts;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;
import org.waymark.support.WebSession.Page;

@WaymarkIntegrationTest
class UserAdministrationTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;

  @Test
  void refusesATooShortCommonOrEmailBasedPasswordAndCreatesNoAccount() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("weak");

    assertPasswordRefused(admin, email, "short-pw", "Enter a password of at least 12 characters");
    assertPasswordRefused(
        admin,
        email,
        "123qwe123qwe",
        "Choose a password that is harder to guess: this one is commonly used");
    assertPasswordRefused(
        admin,
        email,
        email.substring(0, email.indexOf('@')) + "-2026",
        "Choose a password that does not contain your email address");
    assertThat(identity.searchUsers(email)).isEmpty();
  }

  @Test
  void createsAUserWithAFirstRoleWhoCanThenSignIn() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("new.referrer");
    Organisation kirkgate = organisationNamed("Kirkgate Surgery");

    Page created =
        admin.post(
            "/admin/users/new",
            form(
                "displayName",
                "Dr Nadia New",
                "email",
                email,
                "password",
                GOOD_PASSWORD,
                "organisationId",
                kirkgate.id().toString(),
                "role",
                "REFERRER"));

    assertThat(created.status()).isEqualTo(302);
    UUID id = idFrom(created);
    assertThat(identity.user(id).orElseThrow().memberships())
        .containsExactly(
            new Membership(kirkgate.id(), "Kirkgate Surgery", kirkgate.type(), Role.REFERRER));
    Document page = admin.get(path(created)).document();
    assertThat(page.select(".nhsuk-notification-banner--success").text())
        .contains("An account has been created for Dr Nadia New");
    assertThat(page.select("[data-testid=memberships] tbody tr").text())
        .contains("Kirkgate Surgery", "Referrer");

    WebSession newUser = new WebSession(port);
    Page signedIn = newUser.signIn(email, GOOD_PASSWORD);
    assertThat(signedIn.location()).doesNotContain("/login");
    assertThat(newUser.get("/").document().select("[data-testid=acting-organisation]").text())
        .isEqualTo("Referrer, Kirkgate Surgery");
  }

  @Test
  void aFirstRoleTheIdentityRulesRefuseIsAFieldErrorAndCreatesNoAccount() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("not.an.admin");

    Page answer =
        admin.post(
            "/admin/users/new",
            form(
                "displayName",
                "Ann Other",
                "email",
                email,
                "password",
                GOOD_PASSWORD,
                "organisationId",
                organisationNamed("Aire Valley PCN").id().toString(),
                "role",
                "ADMINISTRATOR"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a[href=#role]").text())
        .isEqualTo("Administrators act for the deployment, and only administrators do");
    assertThat(answer.document().select("#email").attr("value")).isEqualTo(email);
    assertThat(answer.document().select("#password").attr("value")).isEmpty();
    assertThat(identity.searchUsers(email)).isEmpty();
  }

  @Test
  void addsAndRemovesAMembershipOnlyAfterConfirmation() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UserAccount user = identity.createUser(email("member"), "Mo Member", GOOD_PASSWORD);
    Organisation aire = organisationNamed("Aire Valley PCN");

    Page added =
        admin.post(
            "/admin/users/" + user.id() + "/memberships",
            form("organisationId", aire.id().toString(), "role", "LINK_WORKER"));

    assertThat(added.status()).isEqualTo(302);
    assertThat(roles(user.id())).containsExactly(Role.LINK_WORKER);
    assertThat(
            admin.get(path(added)).document().select(".nhsuk-notification-banner--success").text())
        .contains("Mo Member is now Link worker at Aire Valley PCN");

    String removal = "/admin/users/" + user.id() + "/memberships/remove";
    Page confirmation = admin.get(removal + "?organisationId=" + aire.id() + "&role=LINK_WORKER");
    assertThat(confirmation.status()).isEqualTo(200);
    assertThat(confirmation.h1()).contains("Remove the role Link worker at Aire Valley PCN?");
    assertThat(roles(user.id()))
        .as("asking for confirmation changes nothing")
        .containsExactly(Role.LINK_WORKER);

    Page removed =
        admin.post(removal, form("organisationId", aire.id().toString(), "role", "LINK_WORKER"));

    assertThat(removed.status()).isEqualTo(302);
    assertThat(roles(user.id())).isEmpty();
    assertThat(
            admin
                .get(path(removed))
                .document()
                .select(".nhsuk-notification-banner--success")
                .text())
        .contains("Mo Member is no longer Link worker at Aire Valley PCN");
  }

  @Test
  void aRoleTheUserAlreadyHasOrAnAdministratorRoleOutsideTheDeploymentIsAFieldError() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UserAccount user = identity.createUser(email("twice"), "Tess Twice", GOOD_PASSWORD);
    Organisation aire = organisationNamed("Aire Valley PCN");
    identity.addMembership(user.id(), aire.id(), Role.SERVICE_MANAGER);

    Page again =
        admin.post(
            "/admin/users/" + user.id() + "/memberships",
            form("organisationId", aire.id().toString(), "role", "SERVICE_MANAGER"));
    Page adminAtPcn =
        admin.post(
            "/admin/users/" + user.id() + "/memberships",
            form("organisationId", aire.id().toString(), "role", "ADMINISTRATOR"));
    Page nothingChosen = admin.post("/admin/users/" + user.id() + "/memberships", form());

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.document().select(".nhsuk-error-summary a[href=#role]").text())
        .isEqualTo("The user already has this role in this organisation");
    assertThat(adminAtPcn.document().select(".nhsuk-error-summary a[href=#role]").text())
        .isEqualTo("Administrators act for the deployment, and only administrators do");
    assertThat(nothingChosen.document().select(".nhsuk-error-summary a").eachAttr("href"))
        .containsExactlyInAnyOrder("#organisationId", "#role");
    assertThat(roles(user.id())).containsExactly(Role.SERVICE_MANAGER);
  }

  @Test
  void aUserGivenTwoMembershipsIsAskedWhichToActIn() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("two.hats");
    UserAccount user = identity.createUser(email, "Hal Twohats", GOOD_PASSWORD);

    admin.post(
        "/admin/users/" + user.id() + "/memberships",
        form(
            "organisationId",
            organisationNamed("Aire Valley PCN").id().toString(),
            "role",
            "LINK_WORKER"));
    admin.post(
        "/admin/users/" + user.id() + "/memberships",
        form(
            "organisationId",
            organisationNamed("Moorland PCN").id().toString(),
            "role",
            "SERVICE_MANAGER"));

    Page signedIn = new WebSession(port).signIn(email, GOOD_PASSWORD);
    assertThat(signedIn.location()).endsWith("/choose-organisation");
  }

  @Test
  void disablingASignedInUserEndsTheirSessionAtOnceUntilTheyAreEnabledAgain() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("disabled");
    UserAccount user = identity.createUser(email, "Dee Disabled", GOOD_PASSWORD);
    identity.addMembership(user.id(), organisationNamed("Kirkgate Surgery").id(), Role.REFERRER);
    WebSession theirs = new WebSession(port);
    theirs.signIn(email, GOOD_PASSWORD);
    assertThat(theirs.get("/").status()).isEqualTo(200);

    Page confirmation = admin.get("/admin/users/" + user.id() + "/disable");
    assertThat(confirmation.h1()).contains("Disable Dee Disabled's account?");
    assertThat(theirs.get("/").status())
        .as("asking for confirmation changes nothing")
        .isEqualTo(200);

    Page disabled = admin.post("/admin/users/" + user.id() + "/disable", form());

    assertThat(disabled.status()).isEqualTo(302);
    assertThat(identity.user(user.id()).orElseThrow().enabled()).isFalse();
    Page next = theirs.get("/");
    assertThat(next.status()).isEqualTo(302);
    assertThat(next.location()).endsWith("/login");
    assertThat(new WebSession(port).signIn(email, GOOD_PASSWORD).location())
        .endsWith("/login?error");
    Document userPage = admin.get(path(disabled)).document();
    assertThat(userPage.select(".nhsuk-notification-banner--success").text())
        .contains("Dee Disabled's account has been disabled");
    assertThat(userPage.select("[data-testid=user-status]").text()).isEqualTo("Disabled");

    assertThat(admin.get("/admin/users/" + user.id() + "/enable").h1())
        .contains("Enable Dee Disabled's account?");
    Page enabled = admin.post("/admin/users/" + user.id() + "/enable", form());

    assertThat(enabled.status()).isEqualTo(302);
    assertThat(new WebSession(port).signIn(email, GOOD_PASSWORD).location())
        .doesNotContain("/login");
  }

  @Test
  void settingANewPasswordEndsTheUsersSessionAndTheNewOneWorks() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("forgetful");
    UserAccount user = identity.createUser(email, "Fay Forgetful", GOOD_PASSWORD);
    WebSession theirs = new WebSession(port);
    theirs.signIn(email, GOOD_PASSWORD);

    Page weak =
        admin.post("/admin/users/" + user.id() + "/password", form("password", "too-short"));
    assertThat(weak.status()).isEqualTo(200);
    assertThat(weak.document().select(".nhsuk-error-summary a[href=#password]").text())
        .isEqualTo("Enter a password of at least 12 characters");
    assertThat(theirs.get("/").status()).isEqualTo(200);

    Page set =
        admin.post(
            "/admin/users/" + user.id() + "/password", form("password", "a-brand-new-passphrase"));

    assertThat(set.status()).isEqualTo(302);
    assertThat(theirs.get("/").location()).endsWith("/login");
    assertThat(new WebSession(port).signIn(email, GOOD_PASSWORD).location())
        .endsWith("/login?error");
    assertThat(new WebSession(port).signIn(email, "a-brand-new-passphrase").location())
        .doesNotContain("/login");
  }

  @Test
  void anAdministratorCannotDisableThemselvesNorRemoveTheirOwnAdministratorRole() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    UUID self = identity.searchUsers(DemoAccounts.email(Role.ADMINISTRATOR)).get(0).id();

    Page ownPage = admin.get("/admin/users/" + self);
    assertThat(ownPage.document().select("a[href$=/disable]")).isEmpty();
    Page disable = admin.post("/admin/users/" + self + "/disable", form());
    Page confirmDisable = admin.get("/admin/users/" + self + "/disable");
    Page remove =
        admin.post(
            "/admin/users/" + self + "/memberships/remove",
            form("organisationId", DEPLOYMENT.toString(), "role", "ADMINISTRATOR"));

    assertThat(disable.status()).isEqualTo(200);
    assertThat(disable.document().select(".nhsuk-error-summary").text())
        .contains("You cannot disable your own account. Ask another administrator to do it.");
    assertThat(confirmDisable.document().select(".nhsuk-error-summary").text())
        .contains("You cannot disable your own account");
    assertThat(remove.status()).isEqualTo(200);
    assertThat(remove.document().select(".nhsuk-error-summary").text())
        .contains(
            "You cannot remove your own administrator role. Ask another administrator to do it.");
    UserAccount after = identity.user(self).orElseThrow();
    assertThat(after.enabled()).isTrue();
    assertThat(after.memberships()).extracting(Membership::role).contains(Role.ADMINISTRATOR);
    assertThat(admin.get("/admin/users").status()).as("still signed in").isEqualTo(200);
  }

  @Test
  void searchesUsersByNameOrEmailAndShowsTheirStatusAndRoles() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    String email = email("findable");
    UserAccount user = identity.createUser(email, "Fern Findable", GOOD_PASSWORD);
    identity.addMembership(user.id(), organisationNamed("Moorland PCN").id(), Role.LINK_WORKER);
    identity.disableUser(user.id());

    Document byName = admin.get("/admin/users?q=fern+findable").document();
    Document byEmail = admin.get("/admin/users?q=" + email).document();

    assertThat(byName.select("[data-testid=users] tbody tr").text())
        .contains(email, "Disabled", "Link worker, Moorland PCN");
    assertThat(byEmail.select("[data-testid=users] tbody th").eachText())
        .containsExactly("Fern Findable");
  }

  @Test
  void refusesEveryOtherRoleOnEveryPageAndChange() {
    UserAccount target = identity.createUser(email("target"), "Tara Target", GOOD_PASSWORD);
    for (Role role : EVERY_OTHER_ROLE) {
      WebSession session = new WebSession(port).signedInAs(role);
      String base = "/admin/users/" + target.id();
      for (String page :
          List.of("/admin/users", "/admin/users/new", base, base + "/disable", base + "/enable")) {
        assertThat(session.get(page).status()).as(role + " GET " + page).isEqualTo(403);
      }
      assertThat(session.post(base + "/disable", form()).status())
          .as(role + " disabling")
          .isEqualTo(403);
      assertThat(
              session.post(base + "/password", form("password", "an-attackers-password")).status())
          .isEqualTo(403);
      Page granting =
          session.post(
              base + "/memberships",
              form("organisationId", DEPLOYMENT.toString(), "role", "ADMINISTRATOR"));
      assertThat(granting.status()).as(role + " granting").isEqualTo(403);
      Page creating =
          session.post(
              "/admin/users/new",
              form("displayName", "X", "email", email("x"), "password", GOOD_PASSWORD));
      assertThat(creating.status()).as(role + " creating").isEqualTo(403);
    }
    UserAccount after = identity.user(target.id()).orElseThrow();
    assertThat(after.enabled()).isTrue();
    assertThat(after.memberships()).isEmpty();
  }

  private void assertPasswordRefused(
      WebSession admin, String email, String password, String message) {
    Page answer =
        admin.post(
            "/admin/users/new",
            form("displayName", "Will Weak", "email", email, "password", password));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.document().select(".nhsuk-error-summary a[href=#password]").text())
        .isEqualTo(message);
    assertThat(answer.document().select(".nhsuk-form-group--error #password").attr("value"))
        .isEmpty();
  }

  private List<Role> roles(UUID userId) {
    return identity.user(userId).orElseThrow().memberships().stream()
        .map(Membership::role)
        .toList();
  }

  private Organisation organisationNamed(String name) {
    return identity.organisations().stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

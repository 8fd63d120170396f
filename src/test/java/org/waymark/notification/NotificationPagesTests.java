package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.notification.NotificationFixtures.CONNECTION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.TestUsers;
import org.waymark.support.WaymarkIntegrationTest;
import org.waymark.support.WebSession;

/** The notifications page and header link, and the template pages for administrators. */
@WaymarkIntegrationTest
class NotificationPagesTests {

  @LocalServerPort int port;
  @Autowired Notifications notifications;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired IdentityManagement identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired AuditLog audit;

  UserAccount notifiedCoordinator(int times) {
    Organisation org = NotificationFixtures.vcs(identity);
    UserAccount user = TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            s -> {
              for (int i = 0; i < times; i++) {
                notifications.notifyUser(
                    org.id(),
                    user.id(),
                    NotificationTemplate.CONNECTION_REQUESTED,
                    CONNECTION,
                    "/directory?n=" + i);
              }
            });
    return user;
  }

  WebSession signedIn(UserAccount user) {
    WebSession session = new WebSession(port);
    assertThat(session.signIn(user.email(), TestUsers.PASSWORD).status()).isEqualTo(302);
    return session;
  }

  @Test
  void theHeaderShowsTheUnreadCountAndThePageListsNotificationsNewestFirst() {
    UserAccount user = notifiedCoordinator(2);
    WebSession session = signedIn(user);
    WebSession.Page page = session.get("/notifications");
    assertThat(page.status()).isEqualTo(200);
    var link = page.document().selectFirst("[data-testid=notifications-link] a");
    assertThat(link.text()).isEqualTo("Notifications (2 unread)");
    assertThat(link.selectFirst(".nhsuk-u-visually-hidden").text()).isEqualTo("unread");
    assertThat(page.document().select("[data-notification]")).hasSize(2);
    assertThat(page.document().select("[data-unread=true]")).hasSize(2);
    assertThat(page.document().selectFirst("[data-notification] a").text())
        .isEqualTo("New referral to Memory Cafe for people living with dementia");
  }

  @Test
  void openingANotificationMarksItReadAndGoesToItsLink() {
    UserAccount user = notifiedCoordinator(1);
    UUID id = notifications.inbox(user.id(), 0, 10).notifications().get(0).id();
    WebSession session = signedIn(user);
    WebSession.Page opened = session.get("/notifications/" + id);
    assertThat(opened.status()).isEqualTo(302);
    assertThat(opened.location()).endsWith("/directory?n=0");
    assertThat(notifications.unreadCount(user.id())).isZero();
    assertThat(
            session
                .get("/notifications")
                .document()
                .selectFirst("[data-testid=notifications-link] a")
                .text())
        .isEqualTo("Notifications");
  }

  @Test
  void anotherUsersNotificationIsNotFound() {
    UserAccount owner = notifiedCoordinator(1);
    UUID id = notifications.inbox(owner.id(), 0, 10).notifications().get(0).id();
    UserAccount other = notifiedCoordinator(0);
    assertThat(signedIn(other).get("/notifications/" + id).status()).isEqualTo(404);
    assertThat(
            new WebSession(port).signedInAs(Role.LINK_WORKER).get("/notifications/" + id).status())
        .isEqualTo(404);
    assertThat(notifications.unreadCount(owner.id())).isEqualTo(1);
  }

  @Test
  void markAllAsReadNeedsTheCsrfTokenAndReadsEverything() {
    UserAccount user = notifiedCoordinator(3);
    WebSession session = signedIn(user);
    assertThat(session.postRaw("/notifications/read", Map.of()).status()).isEqualTo(403);
    assertThat(notifications.unreadCount(user.id())).isEqualTo(3);
    WebSession.Page done = session.post("/notifications/read", Map.of());
    assertThat(done.status()).isEqualTo(302);
    assertThat(notifications.unreadCount(user.id())).isZero();
  }

  @Test
  void pagesHoldTwentyNotifications() {
    UserAccount user = notifiedCoordinator(21);
    WebSession session = signedIn(user);
    assertThat(session.get("/notifications").document().select("[data-notification]")).hasSize(20);
    assertThat(session.get("/notifications?page=1").document().select("[data-notification]"))
        .hasSize(1);
  }

  Map<String, String> templateForm(long version, String subject) {
    Map<String, String> f = new LinkedHashMap<>();
    TemplateTexts d = NotificationTemplate.CONNECTION_ANSWERED.defaults();
    f.put("version", Long.toString(version));
    f.put("inAppTitle", d.inAppTitle());
    f.put("emailSubject", subject);
    f.put("emailBody", d.emailBody());
    f.put("inAppEnabled", "true");
    f.put("emailEnabled", "true");
    return f;
  }

  String storedSubject() {
    return jdbc.sql(
            "SELECT email_subject FROM notification_template WHERE template = 'CONNECTION_ANSWERED'")
        .query(String.class)
        .single();
  }

  long version(WebSession admin) {
    return Long.parseLong(
        admin
            .get("/admin/notification-templates/connection-answered")
            .document()
            .selectFirst("input[name=version]")
            .attr("value"));
  }

  @Test
  void anAdministratorChangesATemplateIsRefusedAStaleEditOrAForbiddenPlaceholderAndResetsIt() {
    WebSession admin = new WebSession(port).signedInAs(Role.ADMINISTRATOR);
    assertThat(admin.get("/admin/notification-templates").document().select("[data-template]"))
        .hasSize(NotificationTemplate.values().length);
    long version = version(admin);

    WebSession.Page leaky =
        admin.post(
            "/admin/notification-templates/connection-answered",
            templateForm(version, "((service)) answered"));
    assertThat(leaky.status()).isEqualTo(200);
    assertThat(leaky.document().selectFirst(".nhsuk-error-summary").text())
        .contains("You cannot use ((service)) here");

    WebSession.Page saved =
        admin.post(
            "/admin/notification-templates/connection-answered",
            templateForm(version, "Waymark: an update for ((organisation))"));
    assertThat(saved.status()).isEqualTo(302);
    try {
      assertThat(storedSubject()).isEqualTo("Waymark: an update for ((organisation))");
      assertThat(
              audit
                  .search(
                      new AuditQuery(
                          null, null, "NOTIFICATION_TEMPLATE_UPDATED", null, null, 0, 10))
                  .events())
          .anySatisfy(e -> assertThat(e.recordId()).isEqualTo("CONNECTION_ANSWERED"));

      WebSession.Page stale =
          admin.post(
              "/admin/notification-templates/connection-answered",
              templateForm(version, "Waymark: stale"));
      assertThat(stale.status()).isEqualTo(200);
      assertThat(stale.document().select("[data-testid=edit-conflict]")).isNotEmpty();
    } finally {
      WebSession.Page reset =
          admin.post(
              "/admin/notification-templates/connection-answered/reset",
              Map.of("version", Long.toString(version(admin))));
      assertThat(reset.status()).isEqualTo(302);
    }
    assertThat(storedSubject())
        .isEqualTo(NotificationTemplate.CONNECTION_ANSWERED.defaults().emailSubject());
  }

  @Test
  void onlyAdministratorsReachTheTemplatePages() {
    for (Role role : List.of(Role.LINK_WORKER, Role.VCS_COORDINATOR, Role.SERVICE_MANAGER)) {
      assertThat(
              new WebSession(port).signedInAs(role).get("/admin/notification-templates").status())
          .isEqualTo(403);
    }
  }
}

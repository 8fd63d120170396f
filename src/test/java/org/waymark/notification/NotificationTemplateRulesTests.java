package org.waymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.waymark.notification.NotificationTemplate.Audience;
import org.waymark.notification.internal.Placeholders;

/**
 * Emails and texts to staff carry no health or personal details, because their subject, body and
 * text may use only the recipient's own name, their organisation and a sign-in link.
 */
class NotificationTemplateRulesTests {

  @ParameterizedTest
  @EnumSource(NotificationTemplate.class)
  void everyDefaultKeepsTheTemplatesOwnRules(NotificationTemplate template) {
    assertThat(NotificationTemplates.problems(template, template.defaults())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = NotificationTemplate.class,
      names = {
        "CONNECTION_REQUESTED",
        "CONNECTION_CHASED",
        "CONNECTION_OVERDUE",
        "CONNECTION_ANSWERED"
      })
  void staffEmailsUseOnlyTheRecipientsNameOrganisationAndLink(NotificationTemplate template) {
    assertThat(template.audience()).isEqualTo(Audience.STAFF);
    TemplateTexts texts = template.defaults();
    for (String text : List.of(texts.emailSubject(), texts.emailBody())) {
      assertThat(NotificationTemplate.STAFF_MESSAGE_PLACEHOLDERS)
          .as(text)
          .containsAll(Placeholders.in(text));
    }
    assertThat(texts.smsBody()).isNull();
    assertThat(template.allowedInMessages()).doesNotContainAnyElementsOf(template.placeholders());
  }

  @ParameterizedTest
  @EnumSource(
      value = NotificationTemplate.class,
      names = {
        "CONNECTION_REQUESTED",
        "CONNECTION_CHASED",
        "CONNECTION_OVERDUE",
        "CONNECTION_ANSWERED"
      })
  void aStaffEmailNamingTheServiceIsRefused(NotificationTemplate template) {
    TemplateTexts d = template.defaults();
    TemplateTexts leaky =
        new TemplateTexts(
            d.inAppTitle(), "Referral to ((service))", d.emailBody(), null, true, true, false);
    assertThat(NotificationTemplates.problems(template, leaky))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("emailSubject");
              assertThat(p.messageKey()).isEqualTo("notification.placeholder.notAllowed");
              assertThat(p.arguments()).first().isEqualTo("((service))");
            });
  }

  @ParameterizedTest
  @EnumSource(NotificationTemplate.class)
  void placeholdersAreFilledAndAMissingValueThrows(NotificationTemplate template) {
    String text = "((" + template.placeholders().get(0) + ")) and more";
    assertThat(Placeholders.fill(text, java.util.Map.of(template.placeholders().get(0), "filled")))
        .isEqualTo("filled and more");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Placeholders.fill(text, java.util.Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package org.waymark.notification;

/**
 * A template's texts and channel switches. For {@link NotificationTemplate.Audience#STAFF}
 * templates the in-app title is required and the text message is null (staff are not sent texts);
 * for {@link NotificationTemplate.Audience#PERSON} templates the in-app title is null.
 *
 * @param inAppTitle the in-app notification's title; may be null for people
 * @param emailSubject the email's subject
 * @param emailBody the email's plain text body
 * @param smsBody the text message; null for staff
 * @param inAppEnabled whether staff get the in-app notification
 * @param emailEnabled whether the email is sent
 * @param smsEnabled whether the text message is sent
 */
public record TemplateTexts(
    String inAppTitle,
    String emailSubject,
    String emailBody,
    String smsBody,
    boolean inAppEnabled,
    boolean emailEnabled,
    boolean smsEnabled) {}

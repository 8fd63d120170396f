package org.waymark.notification.web;

import org.waymark.notification.StoredTemplate;
import org.waymark.notification.TemplateTexts;

/** A template's texts and switches as edited, with the version the edit started from. */
public class TemplateForm {

  private String inAppTitle;
  private String emailSubject;
  private String emailBody;
  private String smsBody;
  private boolean inAppEnabled;
  private boolean emailEnabled;
  private boolean smsEnabled;
  private Long version;

  static TemplateForm of(StoredTemplate stored) {
    TemplateForm f = new TemplateForm();
    TemplateTexts t = stored.texts();
    f.inAppTitle = t.inAppTitle();
    f.emailSubject = t.emailSubject();
    f.emailBody = t.emailBody();
    f.smsBody = t.smsBody();
    f.inAppEnabled = t.inAppEnabled();
    f.emailEnabled = t.emailEnabled();
    f.smsEnabled = t.smsEnabled();
    f.version = stored.version();
    return f;
  }

  TemplateTexts texts() {
    return new TemplateTexts(
        inAppTitle, emailSubject, emailBody, smsBody, inAppEnabled, emailEnabled, smsEnabled);
  }

  public String getInAppTitle() {
    return inAppTitle;
  }

  public void setInAppTitle(String inAppTitle) {
    this.inAppTitle = inAppTitle;
  }

  public String getEmailSubject() {
    return emailSubject;
  }

  public void setEmailSubject(String emailSubject) {
    this.emailSubject = emailSubject;
  }

  public String getEmailBody() {
    return emailBody;
  }

  public void setEmailBody(String emailBody) {
    this.emailBody = emailBody;
  }

  public String getSmsBody() {
    return smsBody;
  }

  public void setSmsBody(String smsBody) {
    this.smsBody = smsBody;
  }

  public boolean isInAppEnabled() {
    return inAppEnabled;
  }

  public void setInAppEnabled(boolean inAppEnabled) {
    this.inAppEnabled = inAppEnabled;
  }

  public boolean isEmailEnabled() {
    return emailEnabled;
  }

  public void setEmailEnabled(boolean emailEnabled) {
    this.emailEnabled = emailEnabled;
  }

  public boolean isSmsEnabled() {
    return smsEnabled;
  }

  public void setSmsEnabled(boolean smsEnabled) {
    this.smsEnabled = smsEnabled;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}

package org.waymark.administration.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A search of the audit log, as typed: every field may be blank. Dates are day/month/year; the
 * controller turns them, and the person id, into values and reports what does not parse.
 */
class AuditSearchForm {

  @Size(max = 320, message = "{administration.audit.user.tooLong}")
  private String user;

  @Pattern(
      regexp =
          "\\s*|\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*",
      message = "{administration.audit.personId.invalid}")
  private String personId;

  @Size(max = 100, message = "{administration.audit.action.invalid}")
  private String action;

  private String from;

  private String to;

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPersonId() {
    return personId;
  }

  public void setPersonId(String personId) {
    this.personId = personId;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}

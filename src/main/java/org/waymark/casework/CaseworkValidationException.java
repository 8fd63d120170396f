package org.waymark.casework;

/**
 * A triage, reassignment or settings change that breaks a rule; nothing was written. Names the form
 * field and a message key from {@code messages/casework.properties}.
 */
public class CaseworkValidationException extends RuntimeException {

  private final String field;
  private final String messageKey;

  public CaseworkValidationException(String field, String messageKey) {
    super(field + ": " + messageKey);
    this.field = field;
    this.messageKey = messageKey;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }
}

package org.waymark.identity;

/**
 * Input that breaks a rule: the field it concerns and a message key from {@code
 * messages.properties}.
 */
public class IdentityValidationException extends RuntimeException {

  private final String field;
  private final String messageKey;

  public IdentityValidationException(String field, String messageKey) {
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

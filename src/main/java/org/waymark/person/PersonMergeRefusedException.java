package org.waymark.person;

/**
 * Two records that may not be merged: the same record twice, a record already merged away, records
 * held by different organisations, or records with different NHS numbers (two people, whatever else
 * they share). Nothing was written. {@code messageKey} is from {@code messages/person.properties}.
 */
public class PersonMergeRefusedException extends RuntimeException {

  private final String messageKey;

  public PersonMergeRefusedException(String messageKey) {
    super(messageKey);
    this.messageKey = messageKey;
  }

  public String messageKey() {
    return messageKey;
  }
}

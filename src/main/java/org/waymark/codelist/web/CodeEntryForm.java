package org.waymark.codelist.web;

import org.waymark.codelist.StoredCodeEntry;

/**
 * A new entry, or changes to one. The position is taken as text so that a value that is not a whole
 * number gets the field's own message.
 */
public class CodeEntryForm {

  private String code;
  private String label;
  private String snomedCode;
  private String position;
  private boolean active;
  private Long version;

  static CodeEntryForm of(StoredCodeEntry stored) {
    CodeEntryForm form = new CodeEntryForm();
    form.code = stored.entry().code();
    form.label = stored.entry().label();
    form.snomedCode = stored.entry().snomedCode();
    form.position = Integer.toString(stored.entry().position());
    form.active = stored.entry().active();
    form.version = stored.version();
    return form;
  }

  /** The position as a number; null if blank or not a whole number in range of an int. */
  Integer positionNumber() {
    if (position == null || position.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(position.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True if something was typed as the position that is not a whole number. */
  boolean positionUnreadable() {
    return position != null && !position.isBlank() && positionNumber() == null;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }

  public String getSnomedCode() {
    return snomedCode;
  }

  public void setSnomedCode(String snomedCode) {
    this.snomedCode = snomedCode;
  }

  public String getPosition() {
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }
}

package org.waymark.casework.web;

/** The add-a-note form. */
public class NoteForm {

  private String body;
  private boolean sensitive;

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  public void setSensitive(boolean sensitive) {
    this.sensitive = sensitive;
  }
}

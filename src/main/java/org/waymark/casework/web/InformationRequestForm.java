package org.waymark.casework.web;

/** Ask the referrer for more information, as posted. */
public class InformationRequestForm {

  private String version;
  private String question;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }
}

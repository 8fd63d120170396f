package org.waymark.research.web;

/** A work package's timed event as posted. */
public class EventForm {

  private String name;
  private String afterEventId;
  private String fromMonths;
  private String toMonths;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAfterEventId() {
    return afterEventId;
  }

  public void setAfterEventId(String afterEventId) {
    this.afterEventId = afterEventId;
  }

  public String getFromMonths() {
    return fromMonths;
  }

  public void setFromMonths(String fromMonths) {
    this.fromMonths = fromMonths;
  }

  public String getToMonths() {
    return toMonths;
  }

  public void setToMonths(String toMonths) {
    this.toMonths = toMonths;
  }
}

package org.waymark.followup.web;

import java.util.ArrayList;
import java.util.List;

/** A service's follow-up plan as posted: each point as typed, blank rows ignored. */
public class PlanForm {

  private String version;
  private List<PointForm> points = new ArrayList<>();

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<PointForm> getPoints() {
    return points;
  }

  public void setPoints(List<PointForm> points) {
    this.points = points;
  }

  /** One point of the plan, as typed. */
  public static class PointForm {
    private String name;
    private String countsFrom;
    private String opensAfter;
    private String targetAfter;
    private String closesAfter;

    /** Whether nothing at all was entered in this row. */
    boolean blank() {
      for (String s : new String[] {name, countsFrom, opensAfter, targetAfter, closesAfter}) {
        if (s != null && !s.isBlank()) {
          return false;
        }
      }
      return true;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getCountsFrom() {
      return countsFrom;
    }

    public void setCountsFrom(String countsFrom) {
      this.countsFrom = countsFrom;
    }

    public String getOpensAfter() {
      return opensAfter;
    }

    public void setOpensAfter(String opensAfter) {
      this.opensAfter = opensAfter;
    }

    public String getTargetAfter() {
      return targetAfter;
    }

    public void setTargetAfter(String targetAfter) {
      this.targetAfter = targetAfter;
    }

    public String getClosesAfter() {
      return closesAfter;
    }

    public void setClosesAfter(String closesAfter) {
      this.closesAfter = closesAfter;
    }
  }
}

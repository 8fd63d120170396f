package org.waymark.followup.web;

import java.util.ArrayList;
import java.util.List;

/** A structured follow-up as posted. */
public class RecordForm {

  private String version;
  private String outcome;
  private String howTheyHaveBeen;
  private List<ServiceForm> services = new ArrayList<>();
  private String wouldComeBack;
  private String ownWords;
  private String note;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getHowTheyHaveBeen() {
    return howTheyHaveBeen;
  }

  public void setHowTheyHaveBeen(String howTheyHaveBeen) {
    this.howTheyHaveBeen = howTheyHaveBeen;
  }

  public List<ServiceForm> getServices() {
    return services;
  }

  public void setServices(List<ServiceForm> services) {
    this.services = services;
  }

  public String getWouldComeBack() {
    return wouldComeBack;
  }

  public void setWouldComeBack(String wouldComeBack) {
    this.wouldComeBack = wouldComeBack;
  }

  public String getOwnWords() {
    return ownWords;
  }

  public void setOwnWords(String ownWords) {
    this.ownWords = ownWords;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  /** The answers about one service the person was connected to. */
  public static class ServiceForm {
    private String sourceId;
    private String went;
    private String stillGoing;
    private String helped;
    private List<String> barriers = new ArrayList<>();
    private String barrierOther;

    public String getSourceId() {
      return sourceId;
    }

    public void setSourceId(String sourceId) {
      this.sourceId = sourceId;
    }

    public String getWent() {
      return went;
    }

    public void setWent(String went) {
      this.went = went;
    }

    public String getStillGoing() {
      return stillGoing;
    }

    public void setStillGoing(String stillGoing) {
      this.stillGoing = stillGoing;
    }

    public String getHelped() {
      return helped;
    }

    public void setHelped(String helped) {
      this.helped = helped;
    }

    public List<String> getBarriers() {
      return barriers;
    }

    public void setBarriers(List<String> barriers) {
      this.barriers = barriers;
    }

    public String getBarrierOther() {
      return barrierOther;
    }

    public void setBarrierOther(String barrierOther) {
      this.barrierOther = barrierOther;
    }
  }
}

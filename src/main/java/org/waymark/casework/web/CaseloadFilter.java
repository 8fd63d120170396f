package org.waymark.casework.web;

/** The caseload page's filters, from the address; every field may be blank. */
public class CaseloadFilter {

  private String worker;
  private String status;
  private String awaiting;
  private String need;

  public String getWorker() {
    return worker;
  }

  public void setWorker(String worker) {
    this.worker = worker;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getAwaiting() {
    return awaiting;
  }

  public void setAwaiting(String awaiting) {
    this.awaiting = awaiting;
  }

  public String getNeed() {
    return need;
  }

  public void setNeed(String need) {
    this.need = need;
  }
}

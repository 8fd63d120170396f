package org.waymark.connection.web;

/**
 * The filters of a list of connections, as typed into the address: anything that does not parse is
 * ignored rather than refused, so a stale bookmark still shows a list.
 */
public class ListFilter {

  private String status;
  private String service;
  private String worker;
  private String page;

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getWorker() {
    return worker;
  }

  public void setWorker(String worker) {
    this.worker = worker;
  }

  public String getPage() {
    return page;
  }

  public void setPage(String page) {
    this.page = page;
  }
}

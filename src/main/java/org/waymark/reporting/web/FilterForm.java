package org.waymark.reporting.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A dashboard's filters as the GET form sends them; every field optional. */
public class FilterForm {

  private String from;
  private String to;
  private String pcn;
  private String practice;
  private String linkWorker;
  private String need;
  private String service;

  /** The filters as a query string (without the question mark), for links that keep them. */
  public String query() {
    List<String> parts = new ArrayList<>();
    add(parts, "from", from);
    add(parts, "to", to);
    add(parts, "pcn", pcn);
    add(parts, "practice", practice);
    add(parts, "linkWorker", linkWorker);
    add(parts, "need", need);
    add(parts, "service", service);
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, String value) {
    if (value != null && !value.isBlank()) {
      parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public String getPcn() {
    return pcn;
  }

  public void setPcn(String pcn) {
    this.pcn = pcn;
  }

  public String getPractice() {
    return practice;
  }

  public void setPractice(String practice) {
    this.practice = practice;
  }

  public String getLinkWorker() {
    return linkWorker;
  }

  public void setLinkWorker(String linkWorker) {
    this.linkWorker = linkWorker;
  }

  public String getNeed() {
    return need;
  }

  public void setNeed(String need) {
    this.need = need;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }
}

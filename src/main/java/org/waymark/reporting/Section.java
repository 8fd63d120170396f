package org.waymark.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The pages of the service and commissioner dashboards. */
public enum Section {
  REFERRALS("", "Referrals and waiting"),
  CASEWORK("casework", "Caseloads and contacts"),
  CONNECTIONS("connections", "Connections to community services"),
  WELLBEING("wellbeing", "Wellbeing change"),
  EQUITY("equity", "Equity"),
  INDICATOR("indicator", "National indicator"),
  /** The one page of a VCS organisation's figures. */
  VCS("", "Referrals to our services");

  private final String path;
  private final String title;

  Section(String path, String title) {
    this.path = path;
    this.title = title;
  }

  /** The part of the address after the dashboard's own, empty for its first page. */
  public String path() {
    return path;
  }

  public String title() {
    return title;
  }

  /** The pages of a service or commissioner dashboard, in order. */
  public static List<Section> pages() {
    return Arrays.stream(values()).filter(s -> s != VCS).toList();
  }

  /** The page at an address part, for a service or commissioner dashboard. */
  public static Optional<Section> of(String path) {
    String p = path == null ? "" : path;
    return pages().stream().filter(s -> s.path.equals(p)).findFirst();
  }
}

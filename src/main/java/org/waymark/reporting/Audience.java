package org.waymark.reporting;

/** Who a dashboard is for, which decides whether its small numbers are suppressed. */
public enum Audience {
  /** Link workers and managers of a PCN: true counts of their own service. */
  SERVICE("service", false),
  /** Commissioners: aggregates across the PCNs they commission, small numbers suppressed. */
  COMMISSIONER("commissioner", true),
  /** A VCS organisation: true counts of the referrals to its own services. */
  VCS("vcs", false);

  private final String path;
  private final boolean suppressed;

  Audience(String path, boolean suppressed) {
    this.path = path;
    this.suppressed = suppressed;
  }

  /** The part of the dashboard's address after /reports/. */
  public String path() {
    return path;
  }

  /** Whether counts of 1 to the threshold are hidden and others rounded. */
  public boolean suppressed() {
    return suppressed;
  }
}

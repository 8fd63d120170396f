package org.waymark.directory;

/** The unit a search radius is given in; distances in results are shown in the same unit. */
public enum DistanceUnit {
  MILES("miles", "mi", 1.609344),
  KILOMETRES("kilometres", "km", 1.0);

  private final String label;
  private final String symbol;
  private final double kilometres;

  DistanceUnit(String label, String symbol, double kilometres) {
    this.label = label;
    this.symbol = symbol;
    this.kilometres = kilometres;
  }

  /** The unit's name as people read it, for example 'miles'. */
  public String label() {
    return label;
  }

  /** The short form shown after a distance, for example 'mi'. */
  public String symbol() {
    return symbol;
  }

  /** This many of the unit in kilometres. */
  public double toKilometres(double amount) {
    return amount * kilometres;
  }

  /** Kilometres in this unit. */
  public double fromKilometres(double km) {
    return km / kilometres;
  }
}

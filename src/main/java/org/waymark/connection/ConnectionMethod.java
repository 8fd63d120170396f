package org.waymark.connection;

/**
 * How an onward referral reached the service. Only {@link #WAYMARK} referrals are answered by the
 * service itself in the VCS portal; for the others the link worker records the service's answers.
 */
public enum ConnectionMethod {
  WAYMARK("Through Waymark"),
  EMAIL("By secure email from the link worker"),
  EXTERNAL_FORM("On the service's own referral form"),
  OTHER("By phone or in person");

  private final String label;

  ConnectionMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The label inside a sentence, for example 'through Waymark'. */
  public String phrase() {
    return Character.toLowerCase(label.charAt(0)) + label.substring(1);
  }

  /** Whether the service answers in Waymark itself. */
  public boolean answeredInWaymark() {
    return this == WAYMARK;
  }
}

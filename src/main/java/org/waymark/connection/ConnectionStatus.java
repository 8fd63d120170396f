package org.waymark.connection;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an onward referral stands: the HL7 SDOH Clinical Care (Gravity) Task states. The service
 * (the performer) accepts, rejects, starts, holds, completes or fails a referral; the link worker
 * (the requester) may cancel it. A reason is required for rejected, cancelled, on hold and failed.
 */
public enum ConnectionStatus {
  REQUESTED("Waiting for an answer", "requested", "blue"),
  ACCEPTED("Accepted", "accepted", "aqua-green"),
  REJECTED("Declined", "rejected", "red"),
  CANCELLED("Cancelled", "cancelled", "grey"),
  IN_PROGRESS("Attending", "in-progress", "green"),
  ON_HOLD("On hold", "on-hold", "yellow"),
  COMPLETED("Completed", "completed", "green"),
  FAILED("Did not go ahead", "failed", "orange");

  private final String label;
  private final String fhirCode;
  private final String colour;

  ConnectionStatus(String label, String fhirCode, String colour) {
    this.label = label;
    this.fhirCode = fhirCode;
    this.colour = colour;
  }

  public String label() {
    return label;
  }

  /** The FHIR Task status code. */
  public String fhirCode() {
    return fhirCode;
  }

  /** The NHS.UK tag colour modifier, for example {@code green}. */
  public String colour() {
    return colour;
  }

  /** The states this one may move to. */
  public Set<ConnectionStatus> next() {
    return switch (this) {
      case REQUESTED -> EnumSet.of(ACCEPTED, REJECTED, CANCELLED);
      case ACCEPTED -> EnumSet.of(IN_PROGRESS, ON_HOLD, CANCELLED, COMPLETED, FAILED);
      case IN_PROGRESS -> EnumSet.of(ON_HOLD, CANCELLED, COMPLETED, FAILED);
      case ON_HOLD -> EnumSet.of(IN_PROGRESS, CANCELLED, COMPLETED, FAILED);
      case REJECTED, CANCELLED, COMPLETED, FAILED -> EnumSet.noneOf(ConnectionStatus.class);
    };
  }

  public boolean mayMoveTo(ConnectionStatus to) {
    return next().contains(to);
  }

  /** Whether the loop is closed: nothing more will happen to this referral. */
  public boolean isFinal() {
    return next().isEmpty();
  }

  /** Whether this state needs a reason. */
  public boolean needsReason() {
    return this == REJECTED || this == CANCELLED || this == ON_HOLD || this == FAILED;
  }

  /** Whether the service sets this state; otherwise the requester does (cancelled). */
  public boolean setByService() {
    return this != CANCELLED && this != REQUESTED;
  }

  /** Whether the person was connected: the service took them on. */
  public boolean connected() {
    return this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD || this == COMPLETED;
  }

  /** The states still open (waiting, or the person is with the service). */
  public static Set<ConnectionStatus> open() {
    return EnumSet.of(REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD);
  }
}

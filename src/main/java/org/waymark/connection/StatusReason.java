package org.waymark.connection;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Why a referral was declined, cancelled, put on hold or did not go ahead. */
public enum StatusReason {
  AT_CAPACITY("The service is full", EnumSet.of(ConnectionStatus.REJECTED)),
  NOT_ELIGIBLE(
      "The person is not eligible", EnumSet.of(ConnectionStatus.REJECTED, ConnectionStatus.FAILED)),
  OUTSIDE_AREA("The person lives outside the area served", EnumSet.of(ConnectionStatus.REJECTED)),
  SERVICE_UNAVAILABLE(
      "The service is not running",
      EnumSet.of(ConnectionStatus.REJECTED, ConnectionStatus.ON_HOLD, ConnectionStatus.FAILED)),
  UNABLE_TO_CONTACT(
      "The person could not be contacted",
      EnumSet.of(ConnectionStatus.REJECTED, ConnectionStatus.FAILED, ConnectionStatus.ON_HOLD)),
  DID_NOT_ATTEND("The person did not attend", EnumSet.of(ConnectionStatus.FAILED)),
  PERSON_DECLINED(
      "The person decided not to go ahead",
      EnumSet.of(ConnectionStatus.REJECTED, ConnectionStatus.CANCELLED, ConnectionStatus.FAILED)),
  PERSON_UNWELL("The person is unwell or in hospital", EnumSet.of(ConnectionStatus.ON_HOLD)),
  WAITING_LIST("The person is on the service's waiting list", EnumSet.of(ConnectionStatus.ON_HOLD)),
  NO_LONGER_NEEDED("No longer needed", EnumSet.of(ConnectionStatus.CANCELLED)),
  SENT_IN_ERROR("Sent in error", EnumSet.of(ConnectionStatus.CANCELLED)),
  OTHER(
      "Another reason (say which)",
      EnumSet.of(
          ConnectionStatus.REJECTED,
          ConnectionStatus.CANCELLED,
          ConnectionStatus.ON_HOLD,
          ConnectionStatus.FAILED));

  private final String label;
  private final Set<ConnectionStatus> appliesTo;

  StatusReason(String label, Set<ConnectionStatus> appliesTo) {
    this.label = label;
    this.appliesTo = appliesTo;
  }

  public String label() {
    return label;
  }

  public boolean appliesTo(ConnectionStatus status) {
    return appliesTo.contains(status);
  }

  /** The reasons that may be given for a state, in this order. */
  public static List<StatusReason> forStatus(ConnectionStatus status) {
    return Arrays.stream(values()).filter(r -> r.appliesTo(status)).toList();
  }
}

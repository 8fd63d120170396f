package org.waymark.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.connection.ConnectionStatus.ACCEPTED;
import static org.waymark.connection.ConnectionStatus.CANCELLED;
import static org.waymark.connection.ConnectionStatus.COMPLETED;
import static org.waymark.connection.ConnectionStatus.FAILED;
import static org.waymark.connection.ConnectionStatus.IN_PROGRESS;
import static org.waymark.connection.ConnectionStatus.ON_HOLD;
import static org.waymark.connection.ConnectionStatus.REJECTED;
import static org.waymark.connection.ConnectionStatus.REQUESTED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Gravity task states: every allowed move, and every other move refused. */
class ConnectionStatusTests {

  static final Map<ConnectionStatus, Set<ConnectionStatus>> ALLOWED =
      Map.of(
          REQUESTED, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
          ACCEPTED, EnumSet.of(IN_PROGRESS, ON_HOLD, CANCELLED, COMPLETED, FAILED),
          IN_PROGRESS, EnumSet.of(ON_HOLD, CANCELLED, COMPLETED, FAILED),
          ON_HOLD, EnumSet.of(IN_PROGRESS, CANCELLED, COMPLETED, FAILED));

  @Test
  void onlyTheMovesOfTheTaskLifeCycleAreAllowed() {
    for (ConnectionStatus from : ConnectionStatus.values()) {
      for (ConnectionStatus to : ConnectionStatus.values()) {
        boolean allowed = ALLOWED.getOrDefault(from, Set.of()).contains(to);
        assertThat(from.mayMoveTo(to)).as(from + " to " + to).isEqualTo(allowed);
      }
    }
    assertThat(EnumSet.allOf(ConnectionStatus.class).stream().filter(ConnectionStatus::isFinal))
        .containsExactlyInAnyOrder(REJECTED, CANCELLED, COMPLETED, FAILED);
  }

  @Test
  void rejectedCancelledOnHoldAndFailedNeedAReasonThatFitsThem() {
    assertThat(EnumSet.allOf(ConnectionStatus.class).stream().filter(ConnectionStatus::needsReason))
        .containsExactlyInAnyOrder(REJECTED, CANCELLED, ON_HOLD, FAILED);
    for (ConnectionStatus s : EnumSet.of(REJECTED, CANCELLED, ON_HOLD, FAILED)) {
      assertThat(StatusReason.forStatus(s)).isNotEmpty().contains(StatusReason.OTHER);
    }
    assertThat(StatusReason.AT_CAPACITY.appliesTo(REJECTED)).isTrue();
    assertThat(StatusReason.DID_NOT_ATTEND.appliesTo(FAILED)).isTrue();
    assertThat(StatusReason.DID_NOT_ATTEND.appliesTo(REJECTED)).isFalse();
    assertThat(StatusReason.forStatus(ACCEPTED)).isEmpty();
  }

  @Test
  void fhirCodesAreTheTaskStatusCodes() {
    assertThat(IN_PROGRESS.fhirCode()).isEqualTo("in-progress");
    assertThat(ON_HOLD.fhirCode()).isEqualTo("on-hold");
    assertThat(REJECTED.fhirCode()).isEqualTo("rejected");
  }
}

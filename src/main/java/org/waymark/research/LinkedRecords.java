package org.waymark.research;

import java.util.List;
import org.waymark.connection.ConnectionForResearch;
import org.waymark.outcome.OutcomesForResearch;

/**
 * A participant's social prescribing records, linked with their consent: their onward referrals and
 * outcome scores, pseudonymised, with nothing typed by their link worker.
 */
public record LinkedRecords(List<ConnectionForResearch> connections, OutcomesForResearch outcomes) {

  public LinkedRecords {
    connections = List.copyOf(connections);
  }
}

package org.waymark.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.CaseloadEntry;
import org.waymark.casework.CaseloadQuery;
import org.waymark.casework.Caseloads;
import org.waymark.identity.ActingAs;
import org.waymark.notification.Channel;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.SelfCompletionLinks;

/**
 * The demo's outcome measures: the link worker gave SWEMWBS and ONS4 at baseline with the first of
 * their open cases, and SWEMWBS with the second, whom they then texted a link to answer it again at
 * review. Everything goes through the outcome module's API as the demo link worker.
 */
@Component
class DemoOutcomes {

  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final List<String> SWEMWBS =
      List.of(
          "optimistic",
          "useful",
          "relaxed",
          "dealing_with_problems",
          "thinking_clearly",
          "close_to_others",
          "own_mind");

  private final ActingAs actingAs;
  private final Caseloads caseloads;
  private final Outcomes outcomes;
  private final SelfCompletionLinks links;

  DemoOutcomes(
      ActingAs actingAs, Caseloads caseloads, Outcomes outcomes, SelfCompletionLinks links) {
    this.actingAs = actingAs;
    this.caseloads = caseloads;
    this.outcomes = outcomes;
    this.links = links;
  }

  /** Loads them; call once, after the demo cases exist. */
  void load() {
    List<CaseloadEntry> open =
        actingAs.call(
            DemoCasework.LINK_WORKER,
            () ->
                caseloads
                    .caseload(new CaseloadQuery(null, CaseStatus.OPEN, false, null))
                    .entries());
    if (open.size() < 2) {
      return;
    }
    LocalDate today = LocalDate.now(UK);
    actingAs.run(
        DemoCasework.LINK_WORKER,
        () -> {
          outcomes.record(
              open.get(0).caseId(),
              "SWEMWBS",
              Occasion.BASELINE,
              today,
              swemwbs(2, 3, 2, 3, 3, 2, 3));
          outcomes.record(
              open.get(0).caseId(),
              "ONS4",
              Occasion.BASELINE,
              today,
              Map.of(
                  "life_satisfaction", "4", "worthwhile", "5", "happiness", "4", "anxiety", "7"));
          outcomes.record(
              open.get(1).caseId(),
              "SWEMWBS",
              Occasion.BASELINE,
              today,
              swemwbs(3, 3, 2, 3, 3, 2, 2));
          if (links.channelsFor(open.get(1).caseId()).contains(Channel.SMS)) {
            links.send(open.get(1).caseId(), "SWEMWBS", Occasion.REVIEW, Channel.SMS);
          }
        });
  }

  private static Map<String, String> swemwbs(int... answers) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < SWEMWBS.size(); i++) {
      m.put(SWEMWBS.get(i), Integer.toString(answers[i]));
    }
    return m;
  }
}

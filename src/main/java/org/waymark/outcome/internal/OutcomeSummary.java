package org.waymark.outcome.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseOutcomes;
import org.waymark.casework.Casework;
import org.waymark.outcome.OutcomeText;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.ScoreChange;

/**
 * The change in outcome measures for the discharge summary: each score given more than once, from
 * the baseline to the latest, with whether it is better and meaningful.
 */
@Component
class OutcomeSummary implements CaseOutcomes {

  private final Casework casework;
  private final Outcomes outcomes;
  private final ResponseStore store;

  OutcomeSummary(Casework casework, Outcomes outcomes, ResponseStore store) {
    this.casework = casework;
    this.outcomes = outcomes;
    this.store = store;
  }

  @Override
  public List<String> forDischargeSummary(UUID organisationId, UUID referralId) {
    return casework
        .forReferral(organisationId, referralId)
        .map(c -> outcomes.changes(store.forCase(organisationId, c.id())))
        .orElse(List.of())
        .stream()
        .map(this::line)
        .toList();
  }

  private String line(ScoreChange x) {
    return x.instrumentCode()
        + " "
        + x.label().toLowerCase(Locale.UK)
        + ": "
        + OutcomeText.number(x.baseline())
        + " to "
        + OutcomeText.number(x.latest())
        + " ("
        + OutcomeText.change(x.change())
        + "), "
        + OutcomeText.verdict(x).toLowerCase(Locale.UK);
  }
}

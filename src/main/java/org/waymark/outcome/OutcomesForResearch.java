package org.waymark.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A case's outcome scores as a study sees them when the person consented to record linkage: the
 * scores of each set of answers and the change from baseline, without the answers themselves.
 *
 * @param responses each set of answers' scores, oldest first
 * @param changes for each instrument and score given more than once, the change from baseline
 */
public record OutcomesForResearch(List<Scored> responses, List<ScoreChange> changes) {

  public OutcomesForResearch {
    responses = List.copyOf(responses);
    changes = List.copyOf(changes);
  }

  /**
   * The scores of one set of answers.
   *
   * @param instrumentCode the instrument, for example ONS4
   * @param instrumentVersion the version of the instrument answered
   */
  public record Scored(
      String instrumentCode,
      int instrumentVersion,
      Occasion occasion,
      LocalDate completedOn,
      List<Score> scores) {

    public Scored {
      scores = List.copyOf(scores);
    }
  }
}

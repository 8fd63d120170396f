package org.waymark.followup;

import java.util.List;
import java.util.Map;

/**
 * One page of a follow-up list, with how many follow-ups are in each state.
 *
 * @param page from 0
 * @param total how many follow-ups are in the listed state
 * @param counts for each state, how many; the tabs show them
 */
public record FollowUpPage(
    FollowUpState state,
    List<FollowUp> rows,
    int page,
    int pageSize,
    long total,
    Map<FollowUpState, Long> counts) {

  public FollowUpPage {
    rows = List.copyOf(rows);
    counts = Map.copyOf(counts);
  }

  public int totalPages() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }

  /** Due now and overdue together: what needs doing. */
  public long needingAttention() {
    return counts.getOrDefault(FollowUpState.DUE, 0L)
        + counts.getOrDefault(FollowUpState.OVERDUE, 0L);
  }
}

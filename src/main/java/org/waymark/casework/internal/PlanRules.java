package org.waymark.casework.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.waymark.casework.GoalDraft;
import org.waymark.casework.PlanReview;
import org.waymark.casework.PlanValidationException.Problem;
import org.waymark.casework.ReviewDraft;
import org.waymark.casework.StepDraft;
import org.waymark.casework.StepOwner;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;

/**
 * The rules of support plan changes and closures, each checked all at once so a form can show every
 * problem. Field names are the forms'.
 */
@Component
public class PlanRules {

  static final int TEXT_MAX = 1000;
  static final int WORDS_MAX = 2000;
  static final int NAME_MAX = 100;
  public static final int SUMMARY_MAX = 20000;

  private final CodeLists codes;

  PlanRules(CodeLists codes) {
    this.codes = codes;
  }

  /** Blank text as null, text trimmed, needs without repeats. */
  public static GoalDraft normalise(GoalDraft g) {
    List<String> needs =
        g.needs() == null
            ? List.of()
            : List.copyOf(
                new LinkedHashSet<>(
                    g.needs().stream().filter(n -> n != null && !n.isBlank()).toList()));
    return new GoalDraft(clean(g.text()), needs, g.status(), g.targetDate());
  }

  public static StepDraft normalise(StepDraft s) {
    return new StepDraft(
        clean(s.text()),
        s.owner(),
        s.owner() == StepOwner.SOMEONE_ELSE ? clean(s.ownerName()) : null,
        s.targetDate(),
        s.status());
  }

  public static ReviewDraft normalise(ReviewDraft r) {
    return new ReviewDraft(r.reviewedOn(), clean(r.inTheirWords()), r.progress());
  }

  /**
   * @param allowedInactive need codes that may stay although no longer active (the goal's own)
   */
  public List<Problem> goalProblems(GoalDraft g, List<String> allowedInactive) {
    List<Problem> problems = new ArrayList<>();
    if (g.text() == null) {
      problems.add(new Problem("text", "casework.plan.goal.text.required"));
    } else if (g.text().length() > TEXT_MAX) {
      problems.add(new Problem("text", "casework.plan.goal.text.tooLong"));
    }
    if (g.needs().isEmpty()) {
      problems.add(new Problem("needs", "casework.plan.goal.needs.required"));
    } else if (g.needs().stream()
        .anyMatch(n -> !codes.isActive(CodeList.NEED, n) && !allowedInactive.contains(n))) {
      problems.add(new Problem("needs", "casework.plan.goal.needs.invalid"));
    }
    if (g.status() == null) {
      problems.add(new Problem("status", "casework.plan.goal.status.required"));
    }
    return problems;
  }

  public List<Problem> stepProblems(StepDraft s) {
    List<Problem> problems = new ArrayList<>();
    if (s.text() == null) {
      problems.add(new Problem("text", "casework.plan.step.text.required"));
    } else if (s.text().length() > TEXT_MAX) {
      problems.add(new Problem("text", "casework.plan.step.text.tooLong"));
    }
    if (s.owner() == null) {
      problems.add(new Problem("owner", "casework.plan.step.owner.required"));
    } else if (s.owner() == StepOwner.SOMEONE_ELSE) {
      if (s.ownerName() == null) {
        problems.add(new Problem("ownerName", "casework.plan.step.ownerName.required"));
      } else if (s.ownerName().length() > NAME_MAX) {
        problems.add(new Problem("ownerName", "casework.plan.step.ownerName.tooLong"));
      }
    }
    if (s.status() == null) {
      problems.add(new Problem("status", "casework.plan.step.status.required"));
    }
    return problems;
  }

  public List<Problem> reviewProblems(ReviewDraft r, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (r.reviewedOn() == null) {
      problems.add(new Problem("reviewedOn", "casework.plan.review.reviewedOn.required"));
    } else if (r.reviewedOn().isAfter(today)) {
      problems.add(new Problem("reviewedOn", "casework.plan.review.reviewedOn.future"));
    }
    if (r.inTheirWords() == null) {
      problems.add(new Problem("inTheirWords", "casework.plan.review.inTheirWords.required"));
    } else if (r.inTheirWords().length() > WORDS_MAX) {
      problems.add(new Problem("inTheirWords", "casework.plan.review.inTheirWords.tooLong"));
    }
    if (r.progress() == null) {
      problems.add(new Problem("progress", "casework.plan.review.progress.required"));
    } else if (r.progress() < PlanReview.PROGRESS_MIN || r.progress() > PlanReview.PROGRESS_MAX) {
      problems.add(new Problem("progress", "casework.plan.review.progress.invalid"));
    }
    return problems;
  }

  public List<Problem> closureReasonProblems(String closureReason) {
    if (closureReason == null || closureReason.isBlank()) {
      return List.of(new Problem("closureReason", "casework.closure.reason.required"));
    }
    if (!codes.isActive(CodeList.CLOSURE_REASON, closureReason)) {
      return List.of(new Problem("closureReason", "casework.closure.reason.invalid"));
    }
    return List.of();
  }

  public List<Problem> summaryProblems(String summary) {
    if (summary == null || summary.isBlank()) {
      return List.of(new Problem("summary", "casework.closure.summary.required"));
    }
    if (summary.length() > SUMMARY_MAX) {
      return List.of(new Problem("summary", "casework.closure.summary.tooLong"));
    }
    return List.of();
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}

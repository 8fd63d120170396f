package org.waymark.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.CaseRecordValidationException.Problem;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.NewAssessment;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;

/** The rules for contacts, notes and assessments; each problem names its form field. */
@Component
public class CaseRecordRules {

  public static final int MAX_CONTACT_NOTES = 4000;
  public static final int MAX_NOTE = 10_000;
  public static final int MAX_REASON = 1000;
  public static final int MAX_WHAT_MATTERS = 4000;
  public static final int MAX_IN_THEIR_WORDS = 2000;

  private final CodeLists codes;

  CaseRecordRules(CodeLists codes) {
    this.codes = codes;
  }

  /**
   * The problems of a contact.
   *
   * @param keptType the type the contact had before an edit, allowed even if no longer offered;
   *     null for a new contact
   * @param referredOn the day the case's referral was received: no contact comes before it
   */
  public List<Problem> contactProblems(
      ContactDetails d, String keptType, Instant now, java.time.LocalDate referredOn) {
    List<Problem> problems = new ArrayList<>();
    if (d.type() == null || d.type().isBlank()) {
      problems.add(new Problem("type", "casework.contact.type.required"));
    } else if (!d.type().equals(keptType) && !codes.isActive(CodeList.CONTACT_TYPE, d.type())) {
      problems.add(new Problem("type", "casework.contact.type.invalid"));
    }
    if (d.date() == null) {
      problems.add(new Problem("date", "casework.contact.date.required"));
    }
    if (d.date() != null && referredOn != null && d.date().isBefore(referredOn)) {
      problems.add(new Problem("date", "casework.contact.date.beforeReferral"));
    }
    if (d.time() == null) {
      problems.add(new Problem("time", "casework.contact.time.required"));
    }
    Optional<Instant> at =
        d.date() == null || d.time() == null
            ? Optional.empty()
            : UkTime.instant(d.date(), d.time());
    if (d.date() != null && d.time() != null && at.isEmpty()) {
      problems.add(new Problem("time", "casework.contact.time.skipped"));
    }
    if (at.isPresent()) {
      boolean future = at.get().isAfter(now);
      if (d.outcome() != null && d.outcome().tookPlace() && future) {
        problems.add(new Problem("date", "casework.contact.date.future"));
      }
      if (d.outcome() == null && !future) {
        problems.add(new Problem("outcome", "casework.contact.outcome.required"));
      }
    }
    if (d.durationMinutes() != null && (d.durationMinutes() < 1 || d.durationMinutes() > 600)) {
      problems.add(new Problem("durationMinutes", "casework.contact.duration.range"));
    } else if (d.durationMinutes() == null && d.outcome() == ContactOutcome.ATTENDED) {
      problems.add(new Problem("durationMinutes", "casework.contact.duration.required"));
    }
    if (d.notes() != null && d.notes().length() > MAX_CONTACT_NOTES) {
      problems.add(new Problem("notes", "casework.contact.notes.tooLong"));
    }
    return problems;
  }

  public List<Problem> noteProblems(String body) {
    if (body == null || body.isBlank()) {
      return List.of(new Problem("body", "casework.note.body.required"));
    }
    if (body.length() > MAX_NOTE) {
      return List.of(new Problem("body", "casework.note.body.tooLong"));
    }
    return List.of();
  }

  public List<Problem> enteredInErrorProblems(String reason) {
    if (reason == null || reason.isBlank()) {
      return List.of(new Problem("reason", "casework.note.reason.required"));
    }
    if (reason.length() > MAX_REASON) {
      return List.of(new Problem("reason", "casework.note.reason.tooLong"));
    }
    return List.of();
  }

  public List<Problem> assessmentProblems(NewAssessment a, LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (a.assessedOn() == null) {
      problems.add(new Problem("assessedOn", "casework.assessment.assessedOn.required"));
    } else if (a.assessedOn().isAfter(today)) {
      problems.add(new Problem("assessedOn", "casework.assessment.assessedOn.future"));
    }
    if (a.whatMatters() != null && a.whatMatters().length() > MAX_WHAT_MATTERS) {
      problems.add(new Problem("whatMatters", "casework.assessment.whatMatters.tooLong"));
    }
    Set<String> seen = new HashSet<>();
    boolean anyAnswer = a.whatMatters() != null && !a.whatMatters().isBlank();
    for (int i = 0; i < a.needs().size(); i++) {
      AssessedNeed n = a.needs().get(i);
      if (n.need() == null
          || codes.find(CodeList.NEED, n.need()).isEmpty()
          || !seen.add(n.need())) {
        problems.add(new Problem("needs[" + i + "]", "casework.assessment.need.invalid"));
        continue;
      }
      if (n.inTheirWords() != null && n.inTheirWords().length() > MAX_IN_THEIR_WORDS) {
        problems.add(
            new Problem(
                "needs[" + i + "].inTheirWords", "casework.assessment.inTheirWords.tooLong"));
      }
      anyAnswer |= n.isAnswered();
    }
    if (!anyAnswer && problems.isEmpty()) {
      problems.add(new Problem("whatMatters", "casework.assessment.empty"));
    }
    return problems;
  }
}

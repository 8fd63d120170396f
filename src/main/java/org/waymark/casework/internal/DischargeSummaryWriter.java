package org.waymark.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseConnections;
import org.waymark.casework.CaseOutcomes;
import org.waymark.casework.CodedEntry;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.PlanReview;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.person.Person;
import org.waymark.referral.Referral;

/**
 * Writes the first draft of a discharge summary from what the case holds, for the link worker to
 * edit, and the GP-facing coded part that goes with it. Plain text with one blank line between
 * sections, so that it reads the same on the referrer's page, in the PDF and in a GP system.
 */
@Component
public class DischargeSummaryWriter {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** Written where a module that does not exist yet will add its part. */
  static final String NONE_RECORDED = "None recorded";

  private final CodeLists codes;
  private final ObjectProvider<CaseConnections> connections;
  private final ObjectProvider<CaseOutcomes> outcomes;

  DischargeSummaryWriter(
      CodeLists codes,
      ObjectProvider<CaseConnections> connections,
      ObjectProvider<CaseOutcomes> outcomes) {
    this.codes = codes;
    this.connections = connections;
    this.outcomes = outcomes;
  }

  /** Everything the summary is written from. {@code nextSteps} may be null or blank. */
  public record Facts(
      Person person,
      Referral referral,
      List<PlanGoal> goals,
      CaseActivity activity,
      String closureReason,
      LocalDate closedOn,
      String nextSteps) {}

  /**
   * The needs worked on: the referral's, then those the goals added, each once, as {@code NEED}
   * codes.
   */
  public static List<String> needsWorkedOn(Referral referral, List<PlanGoal> goals) {
    Set<String> needs = new LinkedHashSet<>(referral.needs());
    goals.forEach(g -> needs.addAll(g.needs()));
    return List.copyOf(needs);
  }

  public String write(Facts f) {
    List<String> sections = new ArrayList<>();
    Person p = f.person();
    StringBuilder who =
        new StringBuilder("Discharge summary from the social prescribing service\n\n");
    who.append("Person: ").append(p.name()).append('\n');
    if (p.nhsNumberFormatted() != null) {
      who.append("NHS number: ").append(p.nhsNumberFormatted()).append('\n');
    }
    who.append("Date of birth: ").append(LONG_DATE.format(p.details().dateOfBirth())).append('\n');
    who.append("Reference: ").append(f.referral().reference());
    sections.add(who.toString());

    StringBuilder dates = new StringBuilder();
    dates.append("Referred: ").append(date(f.referral().receivedAt()));
    if (f.referral().referrer() != null && f.referral().referrer().name() != null) {
      dates.append(" by ").append(f.referral().referrer().name());
      if (f.referral().referrer().organisationName() != null) {
        dates.append(", ").append(f.referral().referrer().organisationName());
      }
    }
    dates.append('\n');
    dates
        .append("First contact: ")
        .append(
            f.activity().firstContactAt() == null
                ? NONE_RECORDED
                : date(f.activity().firstContactAt()))
        .append('\n');
    dates.append("Closed: ").append(LONG_DATE.format(f.closedOn())).append('\n');
    dates
        .append("Reason for closing: ")
        .append(codes.label(CodeList.CLOSURE_REASON, f.closureReason()));
    sections.add(dates.toString());

    StringBuilder needs = new StringBuilder("Needs worked on");
    for (String need : needsWorkedOn(f.referral(), f.goals())) {
      needs.append("\n- ").append(codes.label(CodeList.NEED, need));
    }
    sections.add(needs.toString());

    StringBuilder goals = new StringBuilder("Goals and outcomes");
    if (f.goals().isEmpty()) {
      goals.append('\n').append(NONE_RECORDED);
    }
    for (PlanGoal g : f.goals()) {
      goals
          .append("\n- \"")
          .append(g.text())
          .append("\": ")
          .append(outcome(g.status()))
          .append(" (")
          .append(
              String.join(
                  ", ", g.needs().stream().map(n -> codes.label(CodeList.NEED, n)).toList()))
          .append(')');
      PlanReview last = g.latestReview();
      if (last != null) {
        goals
            .append(". Last reviewed ")
            .append(LONG_DATE.format(last.reviewedOn()))
            .append(", progress ")
            .append(last.progress())
            .append(" out of ")
            .append(PlanReview.PROGRESS_MAX)
            .append(": \"")
            .append(last.inTheirWords())
            .append('"');
      }
    }
    sections.add(goals.toString());

    CaseActivity a = f.activity();
    StringBuilder contacts = new StringBuilder("Contacts\n");
    contacts.append(a.attended()).append(" attended, ").append(a.missed()).append(" missed");
    if (a.cancelled() > 0) {
      contacts.append(", ").append(a.cancelled()).append(" cancelled");
    }
    sections.add(contacts.toString());

    CaseConnections c = connections.getIfAvailable();
    List<String> connected =
        c == null
            ? List.of()
            : c.forDischargeSummary(f.referral().organisationId(), f.referral().id());
    sections.add(
        "Connections to services\n"
            + (connected.isEmpty() ? NONE_RECORDED : String.join("\n", connected)));
    CaseOutcomes o = outcomes.getIfAvailable();
    List<String> changed =
        o == null
            ? List.of()
            : o.forDischargeSummary(f.referral().organisationId(), f.referral().id());
    sections.add(
        "Change in outcomes\n" + (changed.isEmpty() ? NONE_RECORDED : String.join("\n", changed)));

    String next = f.nextSteps() == null || f.nextSteps().isBlank() ? "None" : f.nextSteps().strip();
    sections.add("Next steps\n" + next);
    return String.join("\n\n", sections);
  }

  /**
   * The coded part: the referral's concept, then each need worked on and the closure reason whose
   * code list entry carries a SNOMED CT code.
   */
  public List<CodedEntry> codes(List<String> needs, String closureReason) {
    List<CodedEntry> coded = new ArrayList<>();
    coded.add(CodedEntry.REFERRAL_TO_SOCIAL_PRESCRIBING);
    for (String need : needs) {
      codes
          .find(CodeList.NEED, need)
          .filter(e -> e.snomedCode() != null)
          .ifPresent(e -> coded.add(entry(CodedEntry.Source.NEED, e)));
    }
    codes
        .find(CodeList.CLOSURE_REASON, closureReason)
        .filter(e -> e.snomedCode() != null)
        .ifPresent(e -> coded.add(entry(CodedEntry.Source.CLOSURE_REASON, e)));
    return coded;
  }

  private static CodedEntry entry(CodedEntry.Source source, CodeEntry e) {
    return new CodedEntry(source, e.code(), e.snomedCode(), e.label());
  }

  private static String outcome(GoalStatus s) {
    return s == GoalStatus.ACTIVE ? "Still in progress" : s.label();
  }

  private static String date(Instant at) {
    return LONG_DATE.format(at.atZone(LONDON));
  }
}

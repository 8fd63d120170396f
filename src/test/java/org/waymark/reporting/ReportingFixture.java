package org.waymark.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.Triage;
import org.waymark.connection.ConnectionFixture;
import org.waymark.connection.Connections;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.referral.Referrals;
import org.waymark.support.TestUsers;

/** Casework the dashboards count, made through the modules' own APIs. */
public final class ReportingFixture {

  static final List<String> SWEMWBS_ITEMS =
      List.of(
          "optimistic",
          "useful",
          "relaxed",
          "dealing_with_problems",
          "thinking_clearly",
          "close_to_others",
          "own_mind");

  private final ConnectionFixture f;
  private final Referrals referrals;
  private final Triage triage;
  private final CaseRecords records;
  private final Connections connections;
  private final Outcomes outcomes;
  private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

  public ReportingFixture(
      ConnectionFixture f,
      Referrals referrals,
      Triage triage,
      CaseRecords records,
      Connections connections,
      Outcomes outcomes) {
    this.f = f;
    this.referrals = referrals;
    this.triage = triage;
    this.records = records;
    this.connections = connections;
    this.outcomes = outcomes;
  }

  /**
   * Three people referred and taken on; two seen and one who did not attend; the first connected to
   * the fixture's befriending service and scored on SWEMWBS at the start and at discharge.
   */
  public List<CaseFile> threeCases() {
    CaseFile a = f.openCase(referrals, triage, "Ada", "Lovelace");
    CaseFile b = f.openCase(referrals, triage, "Bea", "Brown");
    CaseFile c = f.openCase(referrals, triage, "Cy", "Young");
    contact(a, ContactOutcome.ATTENDED);
    contact(b, ContactOutcome.ATTENDED);
    contact(c, ContactOutcome.DID_NOT_ATTEND);
    f.refer(connections, a, f.waymarkService.id());
    swemwbs(a, Occasion.BASELINE, "2");
    swemwbs(a, Occasion.DISCHARGE, "4");
    return List.of(a, b, c);
  }

  /** A contact by phone a minute past midnight today. */
  public void contact(CaseFile c, ContactOutcome outcome) {
    TestUsers.as(
        f.linkWorker,
        () ->
            records.recordContact(
                c.id(), new ContactDetails("PHONE", today, LocalTime.of(0, 1), 20, outcome, null)));
  }

  /** SWEMWBS with every item answered the same. */
  public void swemwbs(CaseFile c, Occasion occasion, String each) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String item : SWEMWBS_ITEMS) {
      answers.put(item, each);
    }
    TestUsers.as(f.linkWorker, () -> outcomes.record(c.id(), "SWEMWBS", occasion, today, answers));
  }
}

package org.waymark.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.UserAccount;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.Instruments;
import org.waymark.outcome.ScoreRule;
import org.waymark.reporting.Audience;
import org.waymark.reporting.Figure;
import org.waymark.reporting.ReportFilters;
import org.waymark.reporting.ReportTable;
import org.waymark.reporting.Section;
import org.waymark.reporting.internal.ReportQueries.Scope;

/**
 * Builds each dashboard page's figures from the reporting summaries: the counts and measures, their
 * tables for the audience, a chart and a summary in words.
 */
@Component
public class FigureBuilder {

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
  private static final int TOP_SERVICES = 15;

  private final ReportQueries queries;
  private final CodeLists codes;
  private final IdentityManagement identity;
  private final Instruments instruments;

  FigureBuilder(
      ReportQueries queries,
      CodeLists codes,
      IdentityManagement identity,
      Instruments instruments) {
    this.queries = queries;
    this.codes = codes;
    this.identity = identity;
    this.instruments = instruments;
  }

  /** The figures of one page. */
  public List<Figure> figures(
      Section section, Audience audience, Scope scope, ReportFilters f, Tables t, LocalDate today) {
    Page p = new Page(audience, scope, f, t, today);
    switch (section) {
      case REFERRALS -> {
        p.referralsByMonth();
        p.referralsBySource();
        p.referralsByNeed();
        p.referralStatus();
        p.timeToFirstContact();
        p.waitingNow();
      }
      case CASEWORK -> {
        p.caseloads();
        p.contactsByMonth();
        p.closureReasons();
      }
      case CONNECTIONS -> {
        p.connectionsByService();
        p.connectionOutcomes();
        p.answerTimes();
      }
      case WELLBEING -> {
        p.wellbeing("DISCHARGE", "discharge", "at discharge");
        p.wellbeing("FOLLOW_UP", "follow_up", "at follow-up");
      }
      case EQUITY -> {
        for (Dimension d : Dimension.values()) {
          p.engagement(d);
        }
        for (Dimension d : Dimension.values()) {
          p.wellbeingBy(d);
        }
      }
      case INDICATOR -> {
        p.indicatorByMonth();
        p.indicatorByPractice();
      }
      case VCS -> {
        p.requestsByMonth();
        p.connectionsByService();
        p.connectionOutcomes();
        p.answerTimes();
        p.requestsByNeed();
      }
    }
    return p.figures;
  }

  /** The equity breakdowns: a column of the referral summary and its groups' labels. */
  enum Dimension {
    AGE("age_band", "age", "Age band at referral"),
    SEX("sex", "sex", "Sex"),
    ETHNICITY("ethnic_group", "ethnicity", "Ethnic group"),
    DEPRIVATION("imd_decile", "deprivation", "Deprivation decile of home area");

    final String column;
    final String key;
    final String heading;

    Dimension(String column, String key, String heading) {
      this.column = column;
      this.key = key;
      this.heading = heading;
    }

    String label(Object value) {
      if (value == null) {
        return "Not recorded";
      }
      String v = value.toString();
      return switch (this) {
        case AGE -> v.equals("85+") ? "85 and over" : v.replace("-", " to ");
        case SEX ->
            switch (v) {
              case "FEMALE" -> "Female";
              case "MALE" -> "Male";
              default -> "Not known";
            };
        case ETHNICITY ->
            switch (v) {
              case "ASIAN" -> "Asian or Asian British";
              case "BLACK" -> "Black, Black British, Caribbean or African";
              case "MIXED" -> "Mixed or multiple ethnic groups";
              case "WHITE" -> "White";
              case "OTHER" -> "Other ethnic group";
              case "PREFER_NOT_TO_SAY" -> "Prefer not to say";
              default -> v;
            };
        case DEPRIVATION ->
            switch (v) {
              case "1" -> "1 (most deprived)";
              case "10" -> "10 (least deprived)";
              default -> v;
            };
      };
    }

    /** Sort order of the groups: the order they are defined in, not-recorded last. */
    Comparator<Object> order() {
      return Comparator.comparing(
          (Object v) ->
              v == null
                  ? "~"
                  : this == DEPRIVATION
                      ? String.format("%02d", ((Number) v).intValue())
                      : v.toString());
    }
  }

  /** One page being built. */
  private final class Page {
    final Audience audience;
    final Scope scope;
    final ReportFilters f;
    final Tables t;
    final LocalDate today;
    final List<Figure> figures = new ArrayList<>();

    Page(Audience audience, Scope scope, ReportFilters f, Tables t, LocalDate today) {
      this.audience = audience;
      this.scope = scope;
      this.f = f;
      this.t = t;
      this.today = today;
    }

    // ---- referrals ----

    void referralsByMonth() {
      monthly(
          "referrals-by-month",
          "Referrals by month",
          "Referrals",
          rows(
              "SELECT date_trunc('month', received_on)::date AS k, count(*) AS n FROM report_referral"
                  + " WHERE %s GROUP BY 1",
              "received_on"),
          "referrals");
    }

    void requestsByMonth() {
      monthly(
          "referrals-by-month",
          "Referrals received by month",
          "Referrals",
          rows(
              "SELECT date_trunc('month', requested_on)::date AS k, count(*) AS n"
                  + " FROM report_connection WHERE %s GROUP BY 1",
              "requested_on"),
          "referrals");
    }

    void referralsBySource() {
      categories(
          "referrals-by-source",
          "Referrals by source",
          "Source",
          "Referrals",
          rows(
              "SELECT source AS k, count(*) AS n FROM report_referral WHERE %s GROUP BY 1",
              "received_on"),
          k -> codes.label(CodeList.REFERRAL_SOURCE, k.toString()),
          null,
          true);
    }

    void referralsByNeed() {
      categories(
          "referrals-by-need",
          "Referrals by need",
          "Need",
          "Referrals",
          rows(
              "SELECT unnest(needs) AS k, count(*) AS n FROM report_referral WHERE %s GROUP BY 1",
              "received_on"),
          k -> codes.label(CodeList.NEED, k.toString()),
          "A referral can name more than one need, so these add up to more than the referrals.",
          false);
    }

    void requestsByNeed() {
      categories(
          "referrals-by-need",
          "Referrals by need",
          "Need",
          "Referrals",
          rows(
              "SELECT unnest(needs) AS k, count(*) AS n FROM report_connection WHERE %s GROUP BY 1",
              "requested_on"),
          k -> codes.label(CodeList.NEED, k.toString()),
          "A referral can name more than one need, so these add up to more than the referrals.",
          false);
    }

    void referralStatus() {
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("RECEIVED", "Waiting for triage");
      labels.put("INFORMATION_REQUESTED", "More information asked for");
      labels.put("ACCEPTED", "Accepted, support under way");
      labels.put("CLOSED", "Support ended");
      labels.put("DECLINED", "Declined");
      labels.put("WITHDRAWN", "Withdrawn by the referrer");
      categories(
          "referral-status",
          "Where the referrals are now",
          "Status",
          "Referrals",
          ordered(
              rows(
                  "SELECT status AS k, count(*) AS n FROM report_referral WHERE %s GROUP BY 1",
                  "received_on"),
              new ArrayList<>(labels.keySet())),
          k -> labels.getOrDefault(k.toString(), k.toString()),
          null,
          true);
    }

    void timeToFirstContact() {
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT date_trunc('month', received_on)::date AS k,
                count(days_to_first_contact) AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_first_contact) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY days_to_first_contact) AS p90
              FROM report_referral WHERE %s AND days_to_first_contact IS NOT NULL GROUP BY 1
              """,
              "received_on");
      Map<YearMonth, Map<String, Object>> byMonth = new HashMap<>();
      for (Map<String, Object> r : rows) {
        byMonth.put(month(r.get("k")), r);
      }
      List<List<String>> table = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (YearMonth m : months()) {
        Map<String, Object> r = byMonth.get(m);
        long n = r == null ? 0 : ((Number) r.get("n")).longValue();
        String median = r == null ? "-" : t.measure(dbl(r.get("median")), n);
        String p90 = r == null ? "-" : t.measure(dbl(r.get("p90")), n);
        table.add(List.of(m.format(MONTH), t.count(n), median, p90));
        labels.add(shortMonth(m));
        values.add(Tables.value(median));
        shown.add(median);
      }
      Map<String, Object> all =
          single(
              """
              SELECT count(days_to_first_contact) AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_first_contact) AS median
              FROM report_referral WHERE %s AND days_to_first_contact IS NOT NULL
              """,
              "received_on");
      long n = all == null ? 0 : ((Number) all.get("n")).longValue();
      String median = all == null ? "-" : t.measure(dbl(all.get("median")), n);
      String summary =
          n == 0
              ? "Nobody referred in this period has had a first contact yet."
              : "Half of the "
                  + t.count(n)
                  + " people contacted were first contacted within "
                  + median
                  + " days of referral (the median), by month of referral.";
      ReportTable rt =
          new ReportTable(
              List.of(
                  "Month of referral",
                  "People contacted",
                  "Median days to first contact",
                  "90th percentile (days)"),
              table,
              null,
              "Days from the referral to the first contact that took place.");
      figures.add(
          new Figure(
              "time-to-first-contact",
              "Time from referral to first contact",
              summary,
              SvgCharts.columns(
                  "time-to-first-contact",
                  "Median days from referral to first contact, by month",
                  summary,
                  labels,
                  values,
                  shown),
              rt));
    }

    void waitingNow() {
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT CASE
                  WHEN status IN ('RECEIVED', 'INFORMATION_REQUESTED') THEN 'TRIAGE'
                  WHEN :today - received_on < 14 THEN 'W0'
                  WHEN :today - received_on < 28 THEN 'W2'
                  WHEN :today - received_on < 56 THEN 'W4'
                  WHEN :today - received_on < 84 THEN 'W8'
                  ELSE 'W12' END AS k,
                count(*) AS n
              FROM report_referral
              WHERE %s AND (status IN ('RECEIVED', 'INFORMATION_REQUESTED')
                OR (case_status = 'OPEN' AND first_contact_on IS NULL))
              GROUP BY 1
              """,
              null, Map.of("today", Date.valueOf(today)));
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("TRIAGE", "Waiting for triage");
      labels.put("W0", "Accepted, waiting under 2 weeks");
      labels.put("W2", "Waiting 2 to 4 weeks");
      labels.put("W4", "Waiting 4 to 8 weeks");
      labels.put("W8", "Waiting 8 to 12 weeks");
      labels.put("W12", "Waiting 12 weeks or more");
      categories(
          "waiting-now",
          "Waiting list today",
          "Waiting",
          "People",
          ordered(rows, new ArrayList<>(labels.keySet())),
          k -> labels.getOrDefault(k.toString(), k.toString()),
          "Today, whatever the dates chosen: referrals not yet triaged, and people accepted but not"
              + " yet contacted, by time since referral.",
          true);
    }

    // ---- casework ----

    /**
     * Caseloads: per link worker for a service's own staff; per PCN for a commissioner, who sees
     * aggregates only.
     */
    void caseloads() {
      boolean service = audience == Audience.SERVICE;
      String by = service ? "link_worker_id" : "organisation_id";
      Function<Object, String> name = service ? this::userName : this::orgName;
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT %1$s AS k,
                count(*) FILTER (WHERE case_status = 'OPEN') AS open,
                count(*) FILTER (WHERE opened_on BETWEEN :from AND :to) AS opened,
                count(*) FILTER (WHERE closed_on BETWEEN :from AND :to) AS closed
              FROM report_referral WHERE %%s AND link_worker_id IS NOT NULL GROUP BY 1
              """
                  .formatted(by),
              null,
              Map.of("from", Date.valueOf(f.from()), "to", Date.valueOf(f.to())));
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      rows.sort(Comparator.comparing(r -> name.apply(r.get("k"))));
      for (Map<String, Object> r : rows) {
        labels.add(name.apply(r.get("k")));
        counts.add(new long[] {lng(r.get("open")), lng(r.get("opened")), lng(r.get("closed"))});
      }
      crossTab(
          service ? "caseload-by-link-worker" : "caseload-by-pcn",
          service ? "Caseload per link worker" : "Caseloads by PCN",
          service ? "Link worker" : "PCN",
          List.of("Open cases today", "Cases opened in the period", "Cases closed in the period"),
          labels,
          counts,
          0,
          "open cases",
          "Open cases are counted today; opened and closed within the dates chosen.");
    }

    void contactsByMonth() {
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT month AS k, sum(attended) AS attended, sum(missed) AS missed,
                sum(cancelled) AS cancelled
              FROM report_contact_month WHERE %s GROUP BY 1
              """,
              "month", Map.of());
      Map<YearMonth, Map<String, Object>> byMonth = new HashMap<>();
      for (Map<String, Object> r : rows) {
        byMonth.put(month(r.get("k")), r);
      }
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      for (YearMonth m : months()) {
        Map<String, Object> r = byMonth.get(m);
        labels.add(m.format(MONTH));
        counts.add(
            r == null
                ? new long[3]
                : new long[] {
                  lng(r.get("attended")), lng(r.get("missed")), lng(r.get("cancelled"))
                });
      }
      crossTab(
          "contacts-by-month",
          "Contacts and missed contacts by month",
          "Month",
          List.of("Attended", "Did not attend", "Cancelled"),
          labels,
          counts,
          0,
          "contacts attended",
          "Contacts that took place or were missed, by the month of the contact.");
      Figure last = figures.get(figures.size() - 1);
      long attended = counts.stream().mapToLong(c -> c[0]).sum();
      long missed = counts.stream().mapToLong(c -> c[1]).sum();
      String summary =
          t.count(attended)
              + " contacts were attended and "
              + t.count(missed)
              + " missed (did not attend) in the period: "
              + t.percent(missed, attended + missed)
              + " of contacts due were missed.";
      figures.set(
          figures.size() - 1,
          new Figure(
              last.key(),
              last.title(),
              summary,
              last.chart() == null
                  ? null
                  : last.chart()
                      .replaceFirst(
                          "(?s)<desc([^>]*)>.*?</desc>",
                          "<desc$1>"
                              + org.springframework.web.util.HtmlUtils.htmlEscape(summary)
                              + "</desc>"),
              last.table()));
    }

    void closureReasons() {
      categories(
          "closure-reasons",
          "Why support ended",
          "Reason",
          "Cases closed",
          rows(
              """
              SELECT closure_reason AS k, count(*) AS n FROM report_referral
              WHERE %s AND closed_on BETWEEN :from AND :to AND closure_reason IS NOT NULL
              GROUP BY 1
              """,
              null, Map.of("from", Date.valueOf(f.from()), "to", Date.valueOf(f.to()))),
          k -> codes.label(CodeList.CLOSURE_REASON, k.toString()),
          "Cases closed within the dates chosen.",
          true);
    }

    // ---- connections ----

    private static final String OUTCOME_GROUP =
        """
        CASE
          WHEN status = 'REQUESTED' THEN 0
          WHEN status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') THEN 1
          WHEN status = 'COMPLETED' THEN 2
          WHEN status = 'REJECTED' THEN 3
          WHEN status = 'FAILED' THEN 4
          ELSE 5 END
        """;

    private static final List<String> OUTCOME_LABELS =
        List.of(
            "Waiting for an answer",
            "Accepted or attending",
            "Completed",
            "Declined",
            "Did not go or did not work out",
            "Cancelled");

    void connectionsByService() {
      List<Map<String, Object>> rows =
          rows(
              "SELECT service_id AS id, min(service_name) AS name, "
                  + OUTCOME_GROUP
                  + " AS g, count(*) AS n FROM report_connection WHERE %s GROUP BY 1, 3",
              "requested_on");
      Map<UUID, long[]> byService = new LinkedHashMap<>();
      Map<UUID, String> names = new HashMap<>();
      for (Map<String, Object> r : rows) {
        UUID id = (UUID) r.get("id");
        names.put(id, (String) r.get("name"));
        byService
                .computeIfAbsent(id, k -> new long[OUTCOME_LABELS.size()])[
                ((Number) r.get("g")).intValue()] +=
            lng(r.get("n"));
      }
      List<Map.Entry<UUID, long[]>> sorted = new ArrayList<>(byService.entrySet());
      sorted.sort(
          Comparator.comparingLong((Map.Entry<UUID, long[]> e) -> -sum(e.getValue()))
              .thenComparing(e -> names.get(e.getKey())));
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      long[] other = new long[OUTCOME_LABELS.size()];
      int others = 0;
      for (int i = 0; i < sorted.size(); i++) {
        if (i < TOP_SERVICES) {
          labels.add(names.get(sorted.get(i).getKey()));
          counts.add(sorted.get(i).getValue());
        } else {
          others++;
          long[] v = sorted.get(i).getValue();
          for (int c = 0; c < v.length; c++) {
            other[c] += v[c];
          }
        }
      }
      if (others > 0) {
        labels.add(others + " other services");
        counts.add(other);
      }
      crossTab(
          "connections-by-service",
          "Connections by service and how they went",
          "Service",
          OUTCOME_LABELS,
          labels,
          counts,
          -1,
          "connections",
          "Onward referrals made within the dates chosen, by where each is now. The "
              + TOP_SERVICES
              + " services with the most are named.");
    }

    void connectionOutcomes() {
      List<Map<String, Object>> rows =
          rows(
              "SELECT "
                  + OUTCOME_GROUP
                  + " AS k, count(*) AS n FROM report_connection WHERE %s GROUP BY 1",
              "requested_on");
      List<Map<String, Object>> ordered = new OrderedRows();
      for (int g = 0; g < OUTCOME_LABELS.size(); g++) {
        final int group = g;
        long n =
            rows.stream()
                .filter(r -> ((Number) r.get("k")).intValue() == group)
                .mapToLong(r -> lng(r.get("n")))
                .sum();
        Map<String, Object> row = new HashMap<>();
        row.put("k", g);
        row.put("n", n);
        ordered.add(row);
      }
      categories(
          "connection-outcomes",
          "How the connections went",
          "Where it is now",
          "Connections",
          ordered,
          k -> OUTCOME_LABELS.get(((Number) k).intValue()),
          null,
          true);
    }

    void answerTimes() {
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT date_trunc('month', requested_on)::date AS k, count(*) AS requests,
                count(answered_on) AS answered,
                count(*) FILTER (WHERE answered_in_time) AS in_time,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY days_to_answer) AS median,
                count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'FAILED')) AS accepted,
                count(*) FILTER (WHERE attended) AS attended
              FROM report_connection WHERE %s GROUP BY 1
              """,
              "requested_on");
      Map<YearMonth, Map<String, Object>> byMonth = new HashMap<>();
      for (Map<String, Object> r : rows) {
        byMonth.put(month(r.get("k")), r);
      }
      List<List<String>> table = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      long requests = 0;
      long answered = 0;
      long inTime = 0;
      long accepted = 0;
      long attended = 0;
      for (YearMonth m : months()) {
        Map<String, Object> r = byMonth.get(m);
        long rq = r == null ? 0 : lng(r.get("requests"));
        long an = r == null ? 0 : lng(r.get("answered"));
        long it = r == null ? 0 : lng(r.get("in_time"));
        long ac = r == null ? 0 : lng(r.get("accepted"));
        long at = r == null ? 0 : lng(r.get("attended"));
        requests += rq;
        answered += an;
        inTime += it;
        accepted += ac;
        attended += at;
        String median = r == null ? "-" : t.measure(dbl(r.get("median")), an);
        table.add(
            List.of(
                m.format(MONTH),
                t.count(rq),
                t.count(an),
                median,
                t.percent(it, an),
                t.percent(at, ac)));
        labels.add(shortMonth(m));
        values.add(Tables.value(median));
        shown.add(median);
      }
      String summary =
          t.count(answered)
              + " of "
              + t.count(requests)
              + " onward referrals have been answered; "
              + t.percent(inTime, answered)
              + " of answers came by the answer-by date, and "
              + t.percent(attended, accepted)
              + " of accepted referrals went on to attend.";
      figures.add(
          new Figure(
              "answer-times",
              "Answer times and attendance",
              summary,
              SvgCharts.columns(
                  "answer-times",
                  "Median days to answer, by month of request",
                  summary,
                  labels,
                  values,
                  shown),
              new ReportTable(
                  List.of(
                      "Month of request",
                      "Referrals",
                      "Answered",
                      "Median days to answer",
                      "Answered in time",
                      "Accepted who attended"),
                  table,
                  null,
                  "Answered in time: by the answer-by date (the service's answer time in working"
                      + " days).")));
    }

    // ---- wellbeing ----

    void wellbeing(String occasion, String column, String when) {
      List<Measure> measures = measures();
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT instrument_code, score_code, count(*) AS firsts, avg(baseline) AS first_mean,
                count(%1$s) AS paired,
                avg(baseline) FILTER (WHERE %1$s IS NOT NULL) AS paired_first,
                avg(%1$s) AS later_mean,
                avg(%1$s - baseline) AS change
              FROM report_wellbeing WHERE %%s GROUP BY 1, 2
              """
                  .formatted(column),
              "received_on");
      Map<String, Map<String, Object>> byMeasure = new HashMap<>();
      for (Map<String, Object> r : rows) {
        byMeasure.put(r.get("instrument_code") + "/" + r.get("score_code"), r);
      }
      Map<String, long[]> improved = improvement(measures, column);
      List<List<String>> table = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (Measure m : measures) {
        Map<String, Object> r = byMeasure.get(m.key());
        if (r == null) {
          continue;
        }
        long firsts = lng(r.get("firsts"));
        long paired = lng(r.get("paired"));
        long[] better = improved.getOrDefault(m.key(), new long[2]);
        String share = paired == 0 ? "-" : t.percent(better[0], paired);
        String meaningful =
            m.meaningful() == null
                ? "Not defined"
                : paired == 0 ? "-" : t.percent(better[1], paired);
        table.add(
            List.of(
                m.label(),
                t.count(firsts),
                t.measure(dbl(r.get("first_mean")), firsts),
                t.count(paired),
                t.measure(dbl(r.get("paired_first")), paired),
                t.measure(dbl(r.get("later_mean")), paired),
                signed(t.measure(dbl(r.get("change")), paired)),
                share,
                meaningful));
        labels.add(m.label());
        values.add(Tables.value(share));
        shown.add(share);
      }
      String summary =
          table.isEmpty()
              ? "No wellbeing scores were recorded for people referred in this period."
              : "For each measure, the share of people scored both at the start and "
                  + when
                  + " whose score got better.";
      figures.add(
          new Figure(
              "wellbeing-" + column.replace('_', '-'),
              "Change from the first score to the score " + when,
              summary,
              table.isEmpty()
                  ? null
                  : SvgCharts.bars(
                      "wellbeing-" + column,
                      "Share of people whose score got better " + when,
                      summary,
                      labels,
                      values,
                      shown),
              new ReportTable(
                  List.of(
                      "Measure",
                      "People with a first score",
                      "Mean first score",
                      "People also scored " + when,
                      "Their mean first score",
                      "Their mean score " + when,
                      "Mean change",
                      "Got better",
                      "Got meaningfully better"),
                  table,
                  null,
                  "Person-centred measures first: ONS4 personal wellbeing (higher is better, except"
                      + " anxiety), SWEMWBS (higher is better), UCLA loneliness (lower is better)."
                      + " Meaningful: at least the instrument's smallest meaningful change.")));
    }

    /** Per measure: people who got better, and who got meaningfully better. */
    Map<String, long[]> improvement(List<Measure> measures, String column) {
      if (measures.isEmpty()) {
        return Map.of();
      }
      StringBuilder values = new StringBuilder();
      Map<String, Object> extra = new HashMap<>();
      for (int i = 0; i < measures.size(); i++) {
        Measure m = measures.get(i);
        if (i > 0) {
          values.append(", ");
        }
        values.append(
            "(CAST(:i%1$d AS text), CAST(:s%1$d AS text), CAST(:d%1$d AS int), CAST(:m%1$d AS numeric))"
                .formatted(i));
        extra.put("i" + i, m.instrument());
        extra.put("s" + i, m.score());
        extra.put("d" + i, m.higherIsBetter() ? 1 : -1);
        extra.put("m" + i, m.meaningful());
      }
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT w.instrument_code, w.score_code,
                count(*) FILTER (WHERE (w.%1$s - w.baseline) * v.d > 0) AS better,
                count(*) FILTER (WHERE v.m IS NOT NULL AND (w.%1$s - w.baseline) * v.d >= v.m) AS meaningful
              FROM (SELECT * FROM report_wellbeing WHERE %%s AND %1$s IS NOT NULL) w
              JOIN (VALUES %2$s) AS v(i, s, d, m) ON v.i = w.instrument_code AND v.s = w.score_code
              GROUP BY 1, 2
              """
                  .formatted(column, values),
              "received_on",
              extra);
      Map<String, long[]> result = new HashMap<>();
      for (Map<String, Object> r : rows) {
        result.put(
            r.get("instrument_code") + "/" + r.get("score_code"),
            new long[] {lng(r.get("better")), lng(r.get("meaningful"))});
      }
      return result;
    }

    // ---- equity ----

    void engagement(Dimension d) {
      List<Map<String, Object>> rows =
          rows(
              "SELECT "
                  + d.column
                  + " AS k, count(*) FILTER (WHERE attended > 0) AS engaged,"
                  + " count(*) FILTER (WHERE attended = 0) AS not_engaged"
                  + " FROM report_referral WHERE %s GROUP BY 1",
              "received_on");
      rows.sort(Comparator.comparing(r -> r.get("k"), d.order()));
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        labels.add(d.label(r.get("k")));
        counts.add(new long[] {lng(r.get("engaged")), lng(r.get("not_engaged"))});
      }
      ReportTable table =
          t.counts(
              d.heading,
              List.of("Had a contact", "No contact yet"),
              labels,
              counts.toArray(long[][]::new),
              "Referrals within the dates chosen. Had a contact: at least one contact attended."
                  + (d == Dimension.DEPRIVATION
                      ? " Deciles of the English Index of Multiple Deprivation of the person's"
                          + " postcode area (LSOA)."
                      : ""));
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (int i = 0; i < counts.size(); i++) {
        long[] c = counts.get(i);
        String p = t.percent(c[0], c[0] + c[1]);
        if (t.suppressed()) {
          List<String> row = table.rows().get(i);
          if (row.get(1).equals("*") || row.get(3).equals("*")) {
            p = "*";
          }
        }
        values.add(Tables.value(p));
        shown.add(p);
      }
      String summary =
          labels.isEmpty()
              ? "No referrals in this period."
              : "The share of people referred who have had a contact, by "
                  + d.heading.toLowerCase(Locale.UK)
                  + ". Hidden shares are marked with an asterisk.";
      figures.add(
          new Figure(
              "engagement-by-" + d.key,
              "Referrals and engagement by " + d.heading.toLowerCase(Locale.UK),
              summary,
              labels.isEmpty()
                  ? null
                  : SvgCharts.bars(
                      "engagement-" + d.key,
                      "Share who had a contact, by " + d.heading.toLowerCase(Locale.UK),
                      summary,
                      labels,
                      values,
                      shown),
              table));
    }

    void wellbeingBy(Dimension d) {
      List<Map<String, Object>> rows =
          rows(
              "SELECT "
                  + d.column
                  + " AS k, count(discharge) AS n, avg(discharge - baseline) AS change,"
                  + " count(follow_up) AS fn, avg(follow_up - baseline) AS fchange"
                  + " FROM report_wellbeing WHERE %s AND instrument_code = 'SWEMWBS'"
                  + " AND score_code = 'metric' GROUP BY 1",
              "received_on");
      rows.sort(Comparator.comparing(r -> r.get("k"), d.order()));
      List<List<String>> table = new ArrayList<>();
      for (Map<String, Object> r : rows) {
        long n = lng(r.get("n"));
        long fn = lng(r.get("fn"));
        table.add(
            List.of(
                d.label(r.get("k")),
                t.count(n),
                signed(t.measure(dbl(r.get("change")), n)),
                t.count(fn),
                signed(t.measure(dbl(r.get("fchange")), fn))));
      }
      figures.add(
          new Figure(
              "wellbeing-by-" + d.key,
              "Wellbeing change (SWEMWBS) by " + d.heading.toLowerCase(Locale.UK),
              "Mean change in the SWEMWBS metric score from the first score, for the people"
                  + " scored again at discharge and at follow-up, by "
                  + d.heading.toLowerCase(Locale.UK)
                  + ".",
              null,
              new ReportTable(
                  List.of(
                      d.heading,
                      "People scored at discharge",
                      "Mean change at discharge",
                      "People scored at follow-up",
                      "Mean change at follow-up"),
                  table,
                  null,
                  "A change of 3 or more points is meaningful for SWEMWBS.")));
    }

    // ---- the national indicator ----

    void indicatorByMonth() {
      Indicator ind = indicator();
      List<List<String>> table = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (YearMonth m : months()) {
        long people =
            ind.people.getOrDefault(m, Map.of()).values().stream().mapToLong(Long::longValue).sum();
        long registered = 0;
        long counted = 0;
        for (UUID practice : ind.practices) {
          Long reg = ind.registered(practice, m);
          if (reg != null) {
            registered += reg;
            counted += ind.people.getOrDefault(m, Map.of()).getOrDefault(practice, 0L);
          }
        }
        String rate = rate(counted, registered);
        table.add(
            List.of(
                m.format(MONTH),
                t.count(people),
                registered == 0 ? "-" : Tables.format(registered),
                rate));
        labels.add(shortMonth(m));
        values.add(Tables.value(rate));
        shown.add(rate);
      }
      String summary =
          "People referred to social prescribing (SNOMED CT 871731000000106) each month, per"
              + " 1,000 patients registered at the practices covered.";
      figures.add(
          new Figure(
              "indicator-by-month",
              "People referred per 1,000 registered patients, by month",
              summary,
              SvgCharts.columns(
                  "indicator-by-month",
                  "People referred per 1,000 registered patients, by month",
                  summary,
                  labels,
                  values,
                  shown),
              new ReportTable(
                  List.of(
                      "Month", "People referred", "Registered patients", "Per 1,000 registered"),
                  table,
                  null,
                  "Each person counted once a month however many times referred. Registered"
                      + " patients: NHS England's monthly count for each practice, imported by an"
                      + " administrator; practices without one are left out of the rate.")));
    }

    void indicatorByPractice() {
      Indicator ind = indicator();
      List<YearMonth> months = months();
      List<String> header = new ArrayList<>();
      header.add("Practice");
      for (YearMonth m : months) {
        header.add(shortMonth(m));
      }
      List<List<String>> table = new ArrayList<>();
      List<UUID> practices = new ArrayList<>(ind.practices);
      practices.sort(Comparator.comparing(p -> orgName(p)));
      for (UUID practice : practices) {
        List<String> row = new ArrayList<>();
        row.add(orgName(practice));
        for (YearMonth m : months) {
          Long reg = ind.registered(practice, m);
          long people = ind.people.getOrDefault(m, Map.of()).getOrDefault(practice, 0L);
          row.add(reg == null ? "-" : rate(people, reg));
        }
        table.add(row);
      }
      figures.add(
          new Figure(
              "indicator-by-practice",
              "People referred per 1,000 registered patients, by practice and month",
              "The national indicator for each practice: people referred in the month per 1,000"
                  + " patients registered there.",
              null,
              new ReportTable(
                  header,
                  table,
                  null,
                  "A dash: no registered-patient count for that practice and month.")));
    }

    String rate(long people, long registered) {
      if (registered == 0) {
        return "-";
      }
      if (t.hides(people)) {
        return "*";
      }
      long shownPeople = t.suppressed() ? org.waymark.shared.SmallNumbers.rounded(people) : people;
      return String.format(Locale.UK, "%.2f", 1000.0 * shownPeople / registered);
    }

    Indicator indicator() {
      List<Map<String, Object>> rows =
          rows(
              """
              SELECT date_trunc('month', received_on)::date AS k, practice_id,
                count(DISTINCT person_id) AS n
              FROM report_referral WHERE %s GROUP BY 1, 2
              """,
              "received_on");
      Indicator ind = new Indicator();
      for (Map<String, Object> r : rows) {
        UUID practice = (UUID) r.get("practice_id");
        ind.people
            .computeIfAbsent(month(r.get("k")), k -> new HashMap<>())
            .merge(practice, lng(r.get("n")), Long::sum);
        if (practice != null) {
          ind.practices.add(practice);
        }
      }
      List<UUID> tenants = f.pcn() != null ? List.of(f.pcn()) : scope.tenants();
      for (Map<String, Object> r : queries.populations(tenants, f.from(), f.to())) {
        UUID practice = (UUID) r.get("practice_id");
        if (f.practice() != null && !f.practice().equals(practice)) {
          continue;
        }
        ind.practices.add(practice);
        ind.populations
            .computeIfAbsent(practice, k -> new TreeMap<>())
            .put(month(r.get("month")), lng(r.get("registered")));
      }
      return ind;
    }

    // ---- building blocks ----

    void monthly(
        String key, String title, String column, List<Map<String, Object>> rows, String noun) {
      Map<YearMonth, Long> byMonth = new HashMap<>();
      for (Map<String, Object> r : rows) {
        byMonth.put(month(r.get("k")), lng(r.get("n")));
      }
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      List<YearMonth> months = months();
      for (YearMonth m : months) {
        labels.add(m.format(MONTH));
        counts.add(new long[] {byMonth.getOrDefault(m, 0L)});
      }
      ReportTable table =
          t.counts("Month", List.of(column), labels, counts.toArray(long[][]::new), null);
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      int most = -1;
      for (int i = 0; i < table.rows().size(); i++) {
        String s = table.rows().get(i).get(1);
        shown.add(s);
        values.add(Tables.value(s));
        if (values.get(i) != null && (most < 0 || values.get(i) > values.get(most))) {
          most = i;
        }
      }
      String total = table.totals() == null ? "0" : table.totals().get(1);
      String summary =
          total
              + " "
              + noun
              + " from "
              + months.get(0).format(MONTH)
              + " to "
              + months.get(months.size() - 1).format(MONTH)
              + (most >= 0 && values.get(most) > 0
                  ? "; the most in " + labels.get(most) + " (" + shown.get(most) + ")."
                  : ".");
      figures.add(
          new Figure(
              key,
              title,
              summary,
              SvgCharts.columns(
                  key,
                  title,
                  summary,
                  months.stream().map(FigureBuilder::shortMonth).toList(),
                  values,
                  shown),
              table));
    }

    void categories(
        String key,
        String title,
        String rowHeader,
        String column,
        List<Map<String, Object>> rows,
        Function<Object, String> label,
        String note,
        boolean totals) {
      List<Map<String, Object>> sorted = new ArrayList<>(rows);
      if (!(rows instanceof OrderedRows)) {
        sorted.sort(
            Comparator.comparingLong((Map<String, Object> r) -> -lng(r.get("n")))
                .thenComparing(r -> label.apply(r.get("k"))));
      }
      List<String> labels = new ArrayList<>();
      List<long[]> counts = new ArrayList<>();
      for (Map<String, Object> r : sorted) {
        labels.add(r.get("k") == null ? "Not recorded" : label.apply(r.get("k")));
        counts.add(new long[] {lng(r.get("n"))});
      }
      ReportTable table =
          t.counts(rowHeader, List.of(column), labels, counts.toArray(long[][]::new), note);
      if (!totals) {
        table = new ReportTable(table.header(), table.rows(), null, table.note());
      }
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      for (List<String> row : table.rows()) {
        shown.add(row.get(1));
        values.add(Tables.value(row.get(1)));
      }
      String summary;
      if (labels.isEmpty() || values.stream().allMatch(v -> v != null && v == 0)) {
        summary = "None in this period.";
      } else if (values.stream().allMatch(v -> v == null || v == 0)) {
        summary = "Every count here is small enough to be hidden (shown as *).";
      } else {
        int most = 0;
        for (int i = 1; i < values.size(); i++) {
          if (values.get(i) != null
              && (values.get(most) == null || values.get(i) > values.get(most))) {
            most = i;
          }
        }
        summary =
            "The most: "
                + labels.get(most)
                + " ("
                + shown.get(most)
                + ")"
                + (labels.size() > 1 ? ", of " + labels.size() + " shown." : ".");
      }
      figures.add(
          new Figure(
              key,
              title,
              summary,
              labels.isEmpty() ? null : SvgCharts.bars(key, title, summary, labels, values, shown),
              table));
    }

    /**
     * A table of several counts per row, charted by one of its columns (or by the row totals when
     * {@code chartColumn} is -1).
     */
    void crossTab(
        String key,
        String title,
        String rowHeader,
        List<String> columns,
        List<String> labels,
        List<long[]> counts,
        int chartColumn,
        String noun,
        String note) {
      ReportTable table = t.counts(rowHeader, columns, labels, counts.toArray(long[][]::new), note);
      List<Double> values = new ArrayList<>();
      List<String> shown = new ArrayList<>();
      int col = chartColumn < 0 ? columns.size() + 1 : chartColumn + 1;
      for (List<String> row : table.rows()) {
        shown.add(row.get(col));
        values.add(Tables.value(row.get(col)));
      }
      String total = table.totals() == null ? "0" : table.totals().get(col);
      String summary =
          labels.isEmpty()
              ? "None in this period."
              : total + " " + noun + " in all, across " + labels.size() + " rows.";
      boolean byMonth = "Month".equals(rowHeader);
      figures.add(
          new Figure(
              key,
              title,
              summary,
              labels.isEmpty()
                  ? null
                  : byMonth
                      ? SvgCharts.columns(
                          key,
                          title
                              + " ("
                              + (chartColumn < 0
                                  ? "total"
                                  : columns.get(chartColumn).toLowerCase(Locale.UK))
                              + ")",
                          summary,
                          months().stream().map(FigureBuilder::shortMonth).toList(),
                          values,
                          shown)
                      : SvgCharts.bars(
                          key,
                          title
                              + " ("
                              + (chartColumn < 0
                                  ? "total"
                                  : columns.get(chartColumn).toLowerCase(Locale.UK))
                              + ")",
                          summary,
                          labels,
                          values,
                          shown),
              table));
    }

    List<Map<String, Object>> rows(String sql, String dateColumn) {
      return rows(sql, dateColumn, Map.of());
    }

    List<Map<String, Object>> rows(String sql, String dateColumn, Map<String, Object> extra) {
      String column = dateColumn;
      Map<String, Object> params = extra;
      if ("month".equals(dateColumn)) {
        // Contact months: the whole months the dates touch.
        ReportFilters monthly =
            new ReportFilters(
                f.from().withDayOfMonth(1),
                f.to(),
                f.pcn(),
                f.practice(),
                f.linkWorker(),
                f.need(),
                f.service());
        return queries.rows(sql, scope, monthly, column, params);
      }
      return queries.rows(sql, scope, f, column, params);
    }

    Map<String, Object> single(String sql, String dateColumn) {
      List<Map<String, Object>> rows = rows(sql, dateColumn);
      return rows.isEmpty() ? null : rows.get(0);
    }

    List<YearMonth> months() {
      List<YearMonth> months = new ArrayList<>();
      YearMonth last = YearMonth.from(f.to());
      for (YearMonth m = YearMonth.from(f.from()); !m.isAfter(last); m = m.plusMonths(1)) {
        months.add(m);
      }
      return months;
    }

    /** Names looked up once per page, however often a sort asks. */
    final Map<Object, String> names = new HashMap<>();

    String userName(Object id) {
      return id == null
          ? "Not allocated"
          : names.computeIfAbsent(
              id,
              k ->
                  identity
                      .user((UUID) k)
                      .map(UserAccount::displayName)
                      .orElse("A former colleague"));
    }

    String orgName(Object id) {
      return id == null
          ? "Not recorded"
          : names.computeIfAbsent(
              id, k -> identity.organisation((UUID) k).map(Organisation::name).orElse("Unknown"));
    }

    List<Measure> measures() {
      List<Measure> list = new ArrayList<>();
      for (Instrument i : instruments.current()) {
        for (ScoreRule rule : i.scores()) {
          list.add(
              new Measure(
                  i.code(),
                  rule.code(),
                  (i.title().length() <= 30 ? i.title() : i.code()) + ": " + rule.label(),
                  rule.higherIsBetter(),
                  rule.meaningfulChange()));
        }
      }
      return list;
    }
  }

  /** People referred per practice and month, and each practice's registered patients. */
  private static final class Indicator {
    final Map<YearMonth, Map<UUID, Long>> people = new HashMap<>();
    final Map<UUID, TreeMap<YearMonth, Long>> populations = new HashMap<>();
    final java.util.Set<UUID> practices = new java.util.LinkedHashSet<>();

    /** The latest count on or before the month, else the earliest after it; null if none. */
    Long registered(UUID practice, YearMonth m) {
      TreeMap<YearMonth, Long> counts = populations.get(practice);
      if (counts == null || counts.isEmpty()) {
        return null;
      }
      Map.Entry<YearMonth, Long> e = counts.floorEntry(m);
      return e != null ? e.getValue() : counts.ceilingEntry(m).getValue();
    }
  }

  /** A score of an instrument, as the wellbeing tables show it. */
  record Measure(
      String instrument,
      String score,
      String label,
      boolean higherIsBetter,
      BigDecimal meaningful) {
    String key() {
      return instrument + "/" + score;
    }
  }

  /** Rows already in the order to show. */
  private static final class OrderedRows extends ArrayList<Map<String, Object>> {}

  /** The rows in the order of the keys given, with zero rows for keys not found. */
  static List<Map<String, Object>> ordered(List<Map<String, Object>> rows, List<String> keys) {
    OrderedRows ordered = new OrderedRows();
    for (String k : keys) {
      long n =
          rows.stream()
              .filter(r -> k.equals(String.valueOf(r.get("k"))))
              .mapToLong(r -> lng(r.get("n")))
              .sum();
      Map<String, Object> row = new HashMap<>();
      row.put("k", k);
      row.put("n", n);
      ordered.add(row);
    }
    return ordered;
  }

  static YearMonth month(Object value) {
    if (value instanceof Date d) {
      return YearMonth.from(d.toLocalDate());
    }
    if (value instanceof LocalDate d) {
      return YearMonth.from(d);
    }
    if (value instanceof java.sql.Timestamp ts) {
      return YearMonth.from(ts.toLocalDateTime());
    }
    throw new IllegalArgumentException("Not a date: " + value);
  }

  static String shortMonth(YearMonth m) {
    return m.format(DateTimeFormatter.ofPattern("MMM yy", Locale.UK));
  }

  static long lng(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  static Double dbl(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  static String signed(String measure) {
    Double v = Tables.value(measure);
    return v != null && v > 0 ? "+" + measure : measure;
  }
}

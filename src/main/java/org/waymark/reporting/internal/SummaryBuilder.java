package org.waymark.reporting.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the reporting summaries from the other modules' published reporting views (ADR 19): for
 * one tenant, or for every tenant at once. Set-based SQL only; the caller holds the transaction, so
 * the summaries of a tenant are replaced all together or not at all.
 */
@Component
public class SummaryBuilder {

  /** The summary tables, in the order they are emptied. */
  public static final List<String> TABLES =
      List.of("report_wellbeing", "report_connection", "report_contact_month", "report_referral");

  private static final String REFERRALS =
      """
      INSERT INTO report_referral (organisation_id, referral_id, person_id, received_on, source, channel, needs,
        status, practice_id, age_band, sex, ethnic_group, imd_decile, case_id, link_worker_id,
        case_status, opened_on, first_contact_on, days_to_first_contact, closed_on, closure_reason,
        contacts, attended, missed, cancelled)
      SELECT r.organisation_id, r.referral_id, r.person_id, r.received_on, r.source, r.channel, r.needs, r.status,
        p.registered_practice_id,
        CASE
          WHEN p.date_of_birth IS NULL THEN NULL
          WHEN a.years < 18 THEN '0-17'
          WHEN a.years < 25 THEN '18-24'
          WHEN a.years < 35 THEN '25-34'
          WHEN a.years < 45 THEN '35-44'
          WHEN a.years < 55 THEN '45-54'
          WHEN a.years < 65 THEN '55-64'
          WHEN a.years < 75 THEN '65-74'
          WHEN a.years < 85 THEN '75-84'
          ELSE '85+'
        END,
        p.sex,
        CASE
          WHEN p.ethnicity IS NULL THEN NULL
          WHEN p.ethnicity = 'PREFER_NOT_TO_SAY' THEN 'PREFER_NOT_TO_SAY'
          ELSE split_part(p.ethnicity, '_', 1)
        END,
        coalesce(i21.imd_decile, i11.imd_decile),
        c.case_id, c.link_worker_id, c.status,
        (c.opened_at AT TIME ZONE 'Europe/London')::date,
        (c.first_contact_at AT TIME ZONE 'Europe/London')::date,
        (c.first_contact_at AT TIME ZONE 'Europe/London')::date - r.received_on,
        (c.closed_at AT TIME ZONE 'Europe/London')::date,
        c.closure_reason,
        coalesce(k.contacts, 0), coalesce(k.attended, 0), coalesce(k.missed, 0),
        coalesce(k.cancelled, 0)
      FROM (SELECT v.*, (v.received_at AT TIME ZONE 'Europe/London')::date AS received_on
            FROM referral_report_v v WHERE %1$s) r
      LEFT JOIN person_report_v p
        ON p.organisation_id = r.organisation_id AND p.person_id = r.person_id
      LEFT JOIN LATERAL (SELECT extract(year FROM age(r.received_on, p.date_of_birth))::int AS years) a
        ON true
      LEFT JOIN postcode_area_v pc ON pc.postcode = p.postcode
      LEFT JOIN report_imd i21 ON i21.lsoa_vintage = '2021' AND i21.lsoa_code = pc.lsoa21
      LEFT JOIN report_imd i11 ON i11.lsoa_vintage = '2011' AND i11.lsoa_code = pc.lsoa11
      LEFT JOIN casework_case_report_v c
        ON c.organisation_id = r.organisation_id AND c.referral_id = r.referral_id
      LEFT JOIN (
        SELECT organisation_id, case_id,
          count(*) FILTER (WHERE outcome IS NOT NULL) AS contacts,
          count(*) FILTER (WHERE outcome = 'ATTENDED') AS attended,
          count(*) FILTER (WHERE outcome = 'DID_NOT_ATTEND') AS missed,
          count(*) FILTER (WHERE outcome IN ('CANCELLED_BY_PERSON', 'CANCELLED_BY_SERVICE')) AS cancelled
        FROM casework_contact_report_v WHERE %1$s GROUP BY organisation_id, case_id) k
        ON k.organisation_id = c.organisation_id AND k.case_id = c.case_id
      """;

  private static final String CONTACTS =
      """
      INSERT INTO report_contact_month (organisation_id, case_id, month, referral_id, link_worker_id,
        practice_id, needs, contacts, attended, missed, cancelled, planned)
      SELECT k.organisation_id, k.case_id, k.month, r.referral_id, r.link_worker_id, r.practice_id,
        r.needs, k.contacts, k.attended, k.missed, k.cancelled, k.planned
      FROM (
        SELECT organisation_id, case_id,
          date_trunc('month', contact_at AT TIME ZONE 'Europe/London')::date AS month,
          count(*) FILTER (WHERE outcome IS NOT NULL) AS contacts,
          count(*) FILTER (WHERE outcome = 'ATTENDED') AS attended,
          count(*) FILTER (WHERE outcome = 'DID_NOT_ATTEND') AS missed,
          count(*) FILTER (WHERE outcome IN ('CANCELLED_BY_PERSON', 'CANCELLED_BY_SERVICE')) AS cancelled,
          count(*) FILTER (WHERE outcome IS NULL) AS planned
        FROM casework_contact_report_v WHERE %1$s
        GROUP BY 1, 2, 3) k
      JOIN report_referral r ON r.organisation_id = k.organisation_id AND r.case_id = k.case_id
      WHERE r.link_worker_id IS NOT NULL AND %2$s
      """;

  private static final String CONNECTIONS =
      """
      INSERT INTO report_connection (organisation_id, connection_id, referral_id, requested_on,
        service_id, service_name, service_holder_id, service_org_name, status, status_reason,
        answered_on, days_to_answer, answered_in_time, attended, ended_on, practice_id,
        link_worker_id, needs)
      SELECT c.organisation_id, c.connection_id, c.referral_id,
        (c.requested_at AT TIME ZONE 'Europe/London')::date, c.service_id, c.service_name,
        c.service_holder_id, c.service_org_name, c.status, c.status_reason,
        (c.answered_at AT TIME ZONE 'Europe/London')::date,
        (c.answered_at AT TIME ZONE 'Europe/London')::date
          - (c.requested_at AT TIME ZONE 'Europe/London')::date,
        CASE WHEN c.answered_at IS NULL THEN NULL
             ELSE (c.answered_at AT TIME ZONE 'Europe/London')::date <= c.answer_due_on END,
        c.first_session_on IS NOT NULL OR c.sessions_attended > 0,
        (c.ended_at AT TIME ZONE 'Europe/London')::date,
        r.practice_id, r.link_worker_id, coalesce(r.needs, '{}')
      FROM connection_report_v c
      LEFT JOIN report_referral r
        ON r.organisation_id = c.organisation_id AND r.referral_id = c.referral_id
      WHERE %2$s
      """;

  private static final String WELLBEING =
      """
      INSERT INTO report_wellbeing (organisation_id, referral_id, instrument_code, score_code,
        received_on, practice_id, link_worker_id, needs, age_band, sex, ethnic_group, imd_decile,
        baseline, discharge, follow_up)
      SELECT r.organisation_id, r.referral_id, s.instrument_code, s.score_code, r.received_on,
        r.practice_id, r.link_worker_id, r.needs, r.age_band, r.sex, r.ethnic_group, r.imd_decile,
        (array_agg(s.value ORDER BY s.first_rank, s.completed_on, s.recorded_at)
          FILTER (WHERE s.value IS NOT NULL))[1],
        (array_agg(s.value ORDER BY s.completed_on DESC, s.recorded_at DESC)
          FILTER (WHERE s.occasion = 'DISCHARGE' AND s.value IS NOT NULL))[1],
        (array_agg(s.value ORDER BY s.completed_on DESC, s.recorded_at DESC)
          FILTER (WHERE s.occasion = 'FOLLOW_UP' AND s.value IS NOT NULL))[1]
      FROM (
        SELECT o.organisation_id, o.case_id, o.instrument_code, o.occasion, o.completed_on,
          o.recorded_at, sc ->> 'code' AS score_code, (sc ->> 'value')::numeric AS value,
          CASE WHEN o.occasion = 'BASELINE' THEN 0 ELSE 1 END AS first_rank
        FROM outcome_score_report_v o, jsonb_array_elements(o.scores) sc
        WHERE %1$s AND jsonb_typeof(sc -> 'value') = 'number') s
      JOIN report_referral r ON r.organisation_id = s.organisation_id AND r.case_id = s.case_id
      GROUP BY r.organisation_id, r.referral_id, s.instrument_code, s.score_code, r.received_on,
        r.practice_id, r.link_worker_id, r.needs, r.age_band, r.sex, r.ethnic_group, r.imd_decile
      """;

  private final JdbcClient jdbc;

  SummaryBuilder(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces one tenant's summaries. The caller's transaction makes the swap atomic.
   *
   * @return the number of referrals summarised
   */
  public int rebuild(UUID organisationId) {
    for (String table : TABLES) {
      jdbc.sql("DELETE FROM " + table + " WHERE organisation_id = :org")
          .param("org", organisationId)
          .update();
    }
    return insert(":org", organisationId);
  }

  /**
   * Replaces every tenant's summaries in one pass, far quicker than tenant by tenant when all have
   * to be rebuilt (after an import of reference data, every night, or at first start).
   *
   * @return the number of referrals summarised
   */
  public int rebuildAll() {
    jdbc.sql("TRUNCATE " + String.join(", ", TABLES)).update();
    return insert(null, null);
  }

  /** The tenants that have anything to summarise. */
  public List<UUID> tenants() {
    return jdbc.sql(
            """
            SELECT DISTINCT organisation_id FROM referral_report_v
            UNION SELECT organisation_id FROM report_refresh
            UNION SELECT organisation_id FROM report_change
            """)
        .query(UUID.class)
        .list();
  }

  private int insert(String parameter, UUID organisationId) {
    String all = parameter == null ? "true" : "organisation_id = " + parameter;
    int referrals = statement(REFERRALS.formatted(all), organisationId).update();
    // The tenant on both sides: the grouped contacts do not pass their condition on to
    // report_referral, which would otherwise be read whole for one tenant's rebuild.
    statement(CONTACTS.formatted(all, parameter == null ? "true" : "r." + all), organisationId)
        .update();
    statement(CONNECTIONS.formatted(all, parameter == null ? "true" : "c." + all), organisationId)
        .update();
    statement(WELLBEING.formatted(parameter == null ? "true" : "o." + all), organisationId)
        .update();
    return referrals;
  }

  private JdbcClient.StatementSpec statement(String sql, UUID organisationId) {
    JdbcClient.StatementSpec spec = jdbc.sql(sql);
    return organisationId == null ? spec : spec.param("org", organisationId);
  }
}

package org.waymark.referral.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.person.PersonDetails;
import org.waymark.referral.Channel;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralStatus;
import org.waymark.referral.ReferralStatusChange;
import org.waymark.referral.ReferrerDetails;
import org.waymark.referral.Urgency;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code referral} and {@code referral_status_change} tables. Callers pass validated,
 * normalised values; the table's constraints refuse anything else. Access checks and auditing are
 * the caller's job.
 */
@Repository
public class ReferralStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS =
      """
      organisation_id, id, reference, person_id, person_as_referred::text AS person_as_referred,
      matched_by_nhs_number, channel, source, needs, reason, consent_to_share, consent_to_contact, urgency,
      preferred_contact_method, preferred_contact_times, safeguarding_concerns, referrer_user_id,
      referrer_organisation_id, referrer_name, referrer_job_title, referrer_organisation, referrer_phone,
      referrer_email, status, received_at, status_changed_at, decline_reason, signposting,
      information_request, discharge_summary, discharged_at, version
      """;

  private final JdbcClient jdbc;

  ReferralStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Inserts a new referral in status {@code RECEIVED}, unless the organisation already has one with
   * this reference (then nothing is written and the caller draws another).
   *
   * @return true if inserted
   */
  public boolean insert(
      UUID organisationId,
      UUID id,
      String reference,
      UUID personId,
      boolean matchedByNhsNumber,
      Channel channel,
      NewReferral r,
      UUID referrerUserId,
      UUID referrerOrganisationId) {
    Map<String, Object> p = new HashMap<>();
    p.put("org", organisationId);
    p.put("id", id);
    p.put("reference", reference);
    p.put("personId", personId);
    p.put("person", JSON.writeValueAsString(r.person()));
    p.put("matched", matchedByNhsNumber);
    p.put("channel", channel.name());
    p.put("source", r.source());
    p.put("needs", r.needs().toArray(String[]::new));
    p.put("reason", r.reason());
    p.put("consentToShare", r.consentToShare());
    p.put("consentToContact", r.consentToContact());
    p.put("urgency", r.urgency().name());
    p.put("method", r.preferredContactMethod() == null ? null : r.preferredContactMethod().name());
    p.put("times", r.preferredContactTimes());
    p.put("safeguarding", r.safeguardingConcerns());
    p.put("referrerUserId", referrerUserId);
    p.put("referrerOrgId", referrerOrganisationId);
    ReferrerDetails who = r.referrer() == null ? ReferrerDetails.none() : r.referrer();
    p.put("referrerName", who.name());
    p.put("referrerJobTitle", who.jobTitle());
    p.put("referrerOrganisation", who.organisationName());
    p.put("referrerPhone", who.phone());
    p.put("referrerEmail", who.email());
    p.put("receivedAt", java.sql.Timestamp.from(receivedAt(r.receivedOn())));
    return jdbc.sql(
                """
                INSERT INTO referral (organisation_id, id, reference, person_id, person_as_referred,
                  matched_by_nhs_number, channel, source, needs, reason, consent_to_share, consent_to_contact,
                  urgency, preferred_contact_method, preferred_contact_times, safeguarding_concerns,
                  referrer_user_id, referrer_organisation_id, referrer_name, referrer_job_title,
                  referrer_organisation, referrer_phone, referrer_email, status, received_at)
                VALUES (:org, :id, :reference, :personId, CAST(:person AS jsonb), :matched, :channel, :source,
                  :needs, :reason, :consentToShare, :consentToContact, :urgency, :method, :times, :safeguarding,
                  :referrerUserId, :referrerOrgId, :referrerName, :referrerJobTitle, :referrerOrganisation,
                  :referrerPhone, :referrerEmail, 'RECEIVED', :receivedAt)
                ON CONFLICT (organisation_id, reference) DO NOTHING
                """)
            .params(p)
            .update()
        == 1;
  }

  /**
   * When a referral received on this date arrived: now for today or no date, else 9 in the morning
   * (UK time) of that day, as the time of a referral received earlier is rarely known.
   */
  public static Instant receivedAt(java.time.LocalDate receivedOn) {
    java.time.LocalDate today = java.time.LocalDate.now(ReferralRules.ENGLAND);
    if (receivedOn == null || !receivedOn.isBefore(today)) {
      return Instant.now();
    }
    return receivedOn.atTime(9, 0).atZone(ReferralRules.ENGLAND).toInstant();
  }

  public Optional<Referral> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM referral WHERE id = ?")
        .param(id)
        .query(ReferralStore::map)
        .optional();
  }

  /** Referrals waiting for triage in one organisation: urgent first, then oldest first. */
  public List<Referral> awaitingTriage(UUID organisationId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + """
                 FROM referral WHERE organisation_id = ? AND status IN ('RECEIVED', 'INFORMATION_REQUESTED')
                ORDER BY urgency = 'URGENT' DESC, received_at, id
                """)
        .param(organisationId)
        .query(ReferralStore::map)
        .list();
  }

  /** One referrer's referrals, newest first. */
  public List<Referral> byReferrer(UUID userId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral WHERE referrer_user_id = ? ORDER BY received_at DESC, id LIMIT ?")
        .params(userId, limit)
        .query(ReferralStore::map)
        .list();
  }

  /**
   * One referrer's referrals that match every filter given (a null filter matches all), most
   * recently changed first.
   *
   * @param nhsNumber the person's NHS number as the referral gave it
   * @param changedSince the earliest status change time, inclusive
   */
  public List<Referral> byReferrer(
      UUID userId,
      UUID personId,
      String nhsNumber,
      ReferralStatus status,
      Instant changedSince,
      int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM referral WHERE referrer_user_id = ?");
    List<Object> params = new java.util.ArrayList<>(List.of(userId));
    if (personId != null) {
      sql.append(" AND person_id = ?");
      params.add(personId);
    }
    if (nhsNumber != null) {
      sql.append(" AND person_as_referred->>'nhsNumber' = ?");
      params.add(nhsNumber);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status.name());
    }
    if (changedSince != null) {
      sql.append(" AND status_changed_at >= ?");
      params.add(Timestamp.from(changedSince));
    }
    sql.append(" ORDER BY status_changed_at DESC, id LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(ReferralStore::map).list();
  }

  /** The referrals about one person record, newest first. */
  public List<Referral> forPerson(UUID organisationId, UUID personId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral WHERE organisation_id = ? AND person_id = ? ORDER BY received_at DESC")
        .params(organisationId, personId)
        .query(ReferralStore::map)
        .list();
  }

  /**
   * Moves a referral from one status to another if it is still at {@code expectedVersion} and
   * {@code from}, setting the named extra columns, and records the change.
   *
   * @param extra column name to value, from a fixed set the caller chooses (never user input)
   * @return false if the referral has changed since
   */
  public boolean changeStatus(
      Referral r,
      long expectedVersion,
      ReferralStatus to,
      Map<String, Object> extra,
      UUID changedBy,
      String note) {
    StringBuilder set = new StringBuilder("status = :to, status_changed_at = now()");
    Map<String, Object> p = new HashMap<>();
    for (Map.Entry<String, Object> e : extra.entrySet()) {
      if (!e.getKey().matches("[a-z_]+")) {
        throw new IllegalArgumentException(e.getKey());
      }
      set.append(", ").append(e.getKey()).append(" = :x_").append(e.getKey());
      p.put("x_" + e.getKey(), e.getValue());
    }
    p.put("to", to.name());
    p.put("org", r.organisationId());
    p.put("id", r.id());
    p.put("version", expectedVersion);
    p.put("from", r.status().name());
    boolean written =
        jdbc.sql(
                    "UPDATE referral SET "
                        + set
                        + """
                        , version = version + 1
                        WHERE organisation_id = :org AND id = :id AND version = :version AND status = :from
                        """)
                .params(p)
                .update()
            == 1;
    if (written) {
      recordChange(r.organisationId(), r.id(), r.status(), to, changedBy, note);
    }
    return written;
  }

  /** Records the arrival in the history, at the time the referral was received. */
  public void recordArrival(UUID organisationId, UUID referralId, UUID changedBy) {
    jdbc.sql(
            """
            INSERT INTO referral_status_change (organisation_id, referral_id, from_status, to_status,
              changed_at, changed_by)
            SELECT organisation_id, id, NULL, 'RECEIVED', received_at, ? FROM referral
            WHERE organisation_id = ? AND id = ?
            """)
        .params(changedBy, organisationId, referralId)
        .update();
  }

  public void recordChange(
      UUID organisationId,
      UUID referralId,
      ReferralStatus from,
      ReferralStatus to,
      UUID changedBy,
      String note) {
    jdbc.sql(
            """
            INSERT INTO referral_status_change (organisation_id, referral_id, from_status, to_status,
              changed_by, note)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            referralId,
            from == null ? null : from.name(),
            to.name(),
            changedBy,
            note)
        .update();
  }

  /** A referral's status changes, oldest first. */
  public List<ReferralStatusChange> history(UUID organisationId, UUID referralId) {
    return jdbc.sql(
            """
            SELECT from_status, to_status, changed_at, changed_by, note FROM referral_status_change
            WHERE organisation_id = ? AND referral_id = ? ORDER BY id
            """)
        .params(organisationId, referralId)
        .query(
            (rs, n) ->
                new ReferralStatusChange(
                    rs.getString(1) == null ? null : ReferralStatus.valueOf(rs.getString(1)),
                    ReferralStatus.valueOf(rs.getString(2)),
                    rs.getTimestamp(3).toInstant(),
                    rs.getObject(4, UUID.class),
                    rs.getString(5)))
        .list();
  }

  /** Moves every referral about one person record to another (a merge). */
  public int movePerson(UUID organisationId, UUID fromPersonId, UUID toPersonId) {
    return jdbc.sql("UPDATE referral SET person_id = ? WHERE organisation_id = ? AND person_id = ?")
        .params(toPersonId, organisationId, fromPersonId)
        .update();
  }

  private static Referral map(ResultSet rs, int n) throws SQLException {
    Array needs = rs.getArray("needs");
    String method = rs.getString("preferred_contact_method");
    return new Referral(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("reference"),
        rs.getObject("person_id", UUID.class),
        JSON.readValue(rs.getString("person_as_referred"), PersonDetails.class),
        rs.getBoolean("matched_by_nhs_number"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("source"),
        List.copyOf(Arrays.asList((String[]) needs.getArray())),
        rs.getString("reason"),
        rs.getBoolean("consent_to_share"),
        rs.getBoolean("consent_to_contact"),
        Urgency.valueOf(rs.getString("urgency")),
        method == null ? null : ContactMethod.valueOf(method),
        rs.getString("preferred_contact_times"),
        rs.getString("safeguarding_concerns"),
        rs.getObject("referrer_user_id", UUID.class),
        rs.getObject("referrer_organisation_id", UUID.class),
        new ReferrerDetails(
            rs.getString("referrer_name"),
            rs.getString("referrer_job_title"),
            rs.getString("referrer_organisation"),
            rs.getString("referrer_phone"),
            rs.getString("referrer_email")),
        ReferralStatus.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("received_at")),
        instant(rs.getTimestamp("status_changed_at")),
        rs.getString("decline_reason"),
        rs.getString("signposting"),
        rs.getString("information_request"),
        rs.getString("discharge_summary"),
        instant(rs.getTimestamp("discharged_at")),
        rs.getLong("version"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

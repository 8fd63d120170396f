package org.waymark.research.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.Consent;
import org.waymark.research.ConsentDocument;
import org.waymark.research.ConsentItem;
import org.waymark.research.ParticipantIdentity;
import org.waymark.research.ParticipantStatus;
import org.waymark.research.Withdrawal;

/** Participants, their identities, consent documents and consents. */
@Repository
public class ParticipantStore {

  /** A participant row, before its consent is added. */
  public record Row(
      UUID id,
      UUID studyId,
      UUID siteId,
      UUID groupId,
      String studyCode,
      boolean fromCasework,
      ParticipantStatus status,
      LocalDate addedOn,
      LocalDate withdrawnOn,
      Withdrawal withdrawal,
      long version) {}

  /** A site of some study at an organisation, for passing people on from casework. */
  public record SiteAt(
      UUID organisationId, UUID studyId, String title, String shortName, UUID siteId) {}

  private final JdbcClient jdbc;

  ParticipantStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<SiteAt> sitesAt(UUID siteOrganisationId) {
    return jdbc.sql(
            """
            SELECT s.organisation_id, s.id AS study_id, s.title, s.short_name, t.id AS site_id
            FROM research_site t
            JOIN research_study s ON s.organisation_id = t.organisation_id AND s.id = t.study_id
            WHERE t.site_organisation_id = ?
            ORDER BY lower(s.title)
            """)
        .param(siteOrganisationId)
        .query(
            (rs, n) ->
                new SiteAt(
                    rs.getObject("organisation_id", UUID.class),
                    rs.getObject("study_id", UUID.class),
                    rs.getString("title"),
                    rs.getString("short_name"),
                    rs.getObject("site_id", UUID.class)))
        .list();
  }

  /** The next free number for a site and group of a study (the study's row lock held). */
  public int nextNumber(UUID organisationId, UUID studyId, UUID siteId, UUID groupId) {
    return jdbc.sql(
            """
            SELECT coalesce(max(number), 0) + 1 FROM research_participant
            WHERE organisation_id = ? AND study_id = ? AND site_id = ? AND group_id = ?
            """)
        .params(organisationId, studyId, siteId, groupId)
        .query(Integer.class)
        .single();
  }

  public void insert(
      UUID organisationId,
      Row r,
      int number,
      ParticipantIdentity identity,
      UUID caseOrganisationId,
      UUID passedOnBy,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_participant (organisation_id, id, study_id, site_id, group_id,
              number, study_code, source, status, added_on, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            r.id(),
            r.studyId(),
            r.siteId(),
            r.groupId(),
            number,
            r.studyCode(),
            r.fromCasework() ? "CASEWORK" : "DIRECT",
            r.status().name(),
            Date.valueOf(r.addedOn()),
            Timestamp.from(at))
        .update();
    jdbc.sql(
            """
            INSERT INTO research_participant_identity (organisation_id, participant_id, name, email,
              phone, job_title, contact_note, person_id, case_id, case_organisation_id, passed_on_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            r.id(),
            identity.name(),
            identity.email(),
            identity.phone(),
            identity.jobTitle(),
            identity.contactNote(),
            identity.personId(),
            identity.caseId(),
            caseOrganisationId,
            passedOnBy)
        .update();
  }

  private static final String COLUMNS =
      """
      id, study_id, site_id, group_id, study_code, source, status, added_on, withdrawn_on,
      withdrawal, version
      """;

  public List<Row> list(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM research_participant WHERE organisation_id = ? AND study_id = ?"
                + " ORDER BY study_code")
        .params(organisationId, studyId)
        .query(ParticipantStore::row)
        .list();
  }

  public Optional<Row> find(UUID organisationId, UUID studyId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM research_participant WHERE organisation_id = ? AND study_id = ? AND id = ?")
        .params(organisationId, studyId, id)
        .query(ParticipantStore::row)
        .optional();
  }

  /** Whether this person is a participant of the study already (whatever their status). */
  public boolean personTaken(UUID organisationId, UUID studyId, UUID personId) {
    return jdbc.sql(
                """
            SELECT count(*) FROM research_participant p
            JOIN research_participant_identity i
              ON i.organisation_id = p.organisation_id AND i.participant_id = p.id
            WHERE p.organisation_id = ? AND p.study_id = ? AND i.person_id = ?
            """)
            .params(organisationId, studyId, personId)
            .query(Integer.class)
            .single()
        > 0;
  }

  public Optional<ParticipantIdentity> identity(UUID organisationId, UUID participantId) {
    return jdbc.sql(
            """
            SELECT name, email, phone, job_title, contact_note, person_id, case_id
            FROM research_participant_identity WHERE organisation_id = ? AND participant_id = ?
            """)
        .params(organisationId, participantId)
        .query(
            (rs, n) ->
                new ParticipantIdentity(
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("phone"),
                    rs.getString("job_title"),
                    rs.getString("contact_note"),
                    rs.getObject("person_id", UUID.class),
                    rs.getObject("case_id", UUID.class)))
        .optional();
  }

  /** Sets the status if the participant is still at that version; false if not. */
  public boolean setStatus(UUID organisationId, UUID id, long version, ParticipantStatus status) {
    return jdbc.sql(
                """
                UPDATE research_participant SET status = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ?
                """)
            .params(status.name(), organisationId, id, version)
            .update()
        == 1;
  }

  /**
   * Records a withdrawal if the participant is still at that version, and forgets how to contact
   * them; false if the version moved on.
   */
  public boolean withdraw(
      UUID organisationId, UUID id, long version, Withdrawal w, String note, LocalDate on) {
    boolean done =
        jdbc.sql(
                    """
                    UPDATE research_participant SET status = 'WITHDRAWN', withdrawn_on = ?,
                      withdrawal = ?, withdrawal_note = ?, version = version + 1
                    WHERE organisation_id = ? AND id = ? AND version = ?
                    """)
                .params(Date.valueOf(on), w.name(), note, organisationId, id, version)
                .update()
            == 1;
    if (done) {
      jdbc.sql(
              """
              UPDATE research_participant_identity SET email = NULL, phone = NULL,
                contact_note = NULL
              WHERE organisation_id = ? AND participant_id = ?
              """)
          .params(organisationId, id)
          .update();
    }
    return done;
  }

  public void insertDocument(UUID organisationId, UUID studyId, ConsentDocument d, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_consent_document (organisation_id, id, study_id, group_id,
              version_label, approved_on, items, essential_items, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            d.id(),
            studyId,
            d.groupId(),
            d.versionLabel(),
            Date.valueOf(d.approvedOn()),
            names(d.items()),
            names(d.essential()),
            Timestamp.from(at))
        .update();
  }

  /** The study's consent documents, newest approval first. */
  public List<ConsentDocument> documents(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, group_id, version_label, approved_on, items, essential_items
            FROM research_consent_document WHERE organisation_id = ? AND study_id = ?
            ORDER BY approved_on DESC, created_at DESC
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new ConsentDocument(
                    rs.getObject("id", UUID.class),
                    rs.getObject("group_id", UUID.class),
                    rs.getString("version_label"),
                    rs.getDate("approved_on").toLocalDate(),
                    List.copyOf(items(rs.getArray("items"))),
                    List.copyOf(items(rs.getArray("essential_items")))))
        .list();
  }

  public boolean labelTaken(UUID organisationId, UUID studyId, UUID groupId, String label) {
    return jdbc.sql(
                """
            SELECT count(*) FROM research_consent_document
            WHERE organisation_id = ? AND study_id = ?
              AND group_id IS NOT DISTINCT FROM ? AND lower(version_label) = lower(?)
            """)
            .params(organisationId, studyId, groupId, label)
            .query(Integer.class)
            .single()
        > 0;
  }

  public void insertConsent(
      UUID organisationId,
      UUID id,
      UUID participantId,
      UUID documentId,
      LocalDate on,
      Collection<ConsentItem> agreed,
      Collection<ConsentItem> refused,
      UUID by,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_consent (organisation_id, id, participant_id, document_id,
              consented_on, agreed_items, refused_items, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            participantId,
            documentId,
            Date.valueOf(on),
            names(agreed),
            names(refused),
            by,
            Timestamp.from(at))
        .update();
  }

  /** A participant's consents, oldest first. */
  public List<Consent> consents(UUID organisationId, UUID participantId) {
    return jdbc.sql(
            """
            SELECT c.id, c.document_id, d.version_label, c.consented_on, c.agreed_items,
              c.refused_items
            FROM research_consent c
            JOIN research_consent_document d
              ON d.organisation_id = c.organisation_id AND d.id = c.document_id
            WHERE c.organisation_id = ? AND c.participant_id = ?
            ORDER BY c.recorded_at, c.id
            """)
        .params(organisationId, participantId)
        .query(
            (rs, n) ->
                new Consent(
                    rs.getObject("id", UUID.class),
                    rs.getObject("document_id", UUID.class),
                    rs.getString("version_label"),
                    rs.getDate("consented_on").toLocalDate(),
                    items(rs.getArray("agreed_items")),
                    items(rs.getArray("refused_items"))))
        .list();
  }

  private static String[] names(Collection<ConsentItem> items) {
    return items.stream().map(Enum::name).toArray(String[]::new);
  }

  private static Set<ConsentItem> items(Array array) throws SQLException {
    Set<ConsentItem> items = EnumSet.noneOf(ConsentItem.class);
    if (array != null) {
      for (String s : (String[]) array.getArray()) {
        items.add(ConsentItem.valueOf(s));
      }
    }
    return items;
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    Date withdrawn = rs.getDate("withdrawn_on");
    String withdrawal = rs.getString("withdrawal");
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("study_id", UUID.class),
        rs.getObject("site_id", UUID.class),
        rs.getObject("group_id", UUID.class),
        rs.getString("study_code"),
        "CASEWORK".equals(rs.getString("source")),
        ParticipantStatus.valueOf(rs.getString("status")),
        rs.getDate("added_on").toLocalDate(),
        withdrawn == null ? null : withdrawn.toLocalDate(),
        withdrawal == null ? null : Withdrawal.valueOf(withdrawal),
        rs.getLong("version"));
  }
}

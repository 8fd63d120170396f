package org.waymark.research.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.ParticipantGroup;
import org.waymark.research.Photo;
import org.waymark.research.Site;
import org.waymark.research.Study;
import org.waymark.research.StudyDetails;
import org.waymark.research.StudyEvent;
import org.waymark.research.StudyRole;
import org.waymark.research.WorkPackage;

/** The study set-up tables. Access checks and auditing are the caller's job. */
@Repository
public class StudyStore {

  /** A member row, before names are added from identity. */
  public record MemberRow(UUID userId, StudyRole role, String jobTitle, String profile) {}

  private final JdbcClient jdbc;

  StudyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertStudy(UUID organisationId, UUID id, StudyDetails d, UUID by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_study (organisation_id, id, title, short_name, summary, funder,
              grant_number, sponsor, ethics_reference, contact_email, contact_phone, starts_on,
              ends_on, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            d.title(),
            d.shortName(),
            d.summary(),
            d.funder(),
            d.grantNumber(),
            d.sponsor(),
            d.ethicsReference(),
            d.contactEmail(),
            d.contactPhone(),
            date(d.startsOn()),
            date(d.endsOn()),
            by,
            Timestamp.from(at))
        .update();
  }

  /** Changes a study if it is still at that version; false if it is not. */
  public boolean updateStudy(UUID organisationId, UUID id, long version, StudyDetails d) {
    return jdbc.sql(
                """
                UPDATE research_study SET title = ?, short_name = ?, summary = ?, funder = ?,
                  grant_number = ?, sponsor = ?, ethics_reference = ?, contact_email = ?,
                  contact_phone = ?, starts_on = ?, ends_on = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ?
                """)
            .params(
                d.title(),
                d.shortName(),
                d.summary(),
                d.funder(),
                d.grantNumber(),
                d.sponsor(),
                d.ethicsReference(),
                d.contactEmail(),
                d.contactPhone(),
                date(d.startsOn()),
                date(d.endsOn()),
                organisationId,
                id,
                version)
            .update()
        == 1;
  }

  /** A study by id, in any organisation (access is checked by the caller). */
  public Optional<Study> findStudy(UUID id) {
    return jdbc.sql("SELECT * FROM research_study WHERE id = ?")
        .param(id)
        .query(StudyStore::study)
        .optional();
  }

  public boolean shortNameTaken(UUID organisationId, String shortName, UUID except) {
    return jdbc.sql(
                """
            SELECT count(*) FROM research_study
            WHERE organisation_id = ? AND lower(short_name) = lower(?) AND id <> ?
            """)
            .params(organisationId, shortName, except == null ? new UUID(0, 0) : except)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The studies of an organisation this user is a member of, by title. */
  public List<Study> studiesOf(UUID organisationId, UUID userId) {
    return jdbc.sql(
            """
            SELECT s.* FROM research_study s
            JOIN research_study_member m
              ON m.organisation_id = s.organisation_id AND m.study_id = s.id
            WHERE s.organisation_id = ? AND m.user_id = ?
            ORDER BY lower(s.title)
            """)
        .params(organisationId, userId)
        .query(StudyStore::study)
        .list();
  }

  public Optional<StudyRole> roleOf(UUID organisationId, UUID studyId, UUID userId) {
    return jdbc.sql(
            """
            SELECT study_role FROM research_study_member
            WHERE organisation_id = ? AND study_id = ? AND user_id = ?
            """)
        .params(organisationId, studyId, userId)
        .query((rs, n) -> StudyRole.valueOf(rs.getString(1)))
        .optional();
  }

  public List<MemberRow> members(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT user_id, study_role, job_title, profile FROM research_study_member
            WHERE organisation_id = ? AND study_id = ? ORDER BY added_at, user_id
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new MemberRow(
                    rs.getObject("user_id", UUID.class),
                    StudyRole.valueOf(rs.getString("study_role")),
                    rs.getString("job_title"),
                    rs.getString("profile")))
        .list();
  }

  /** Adds a member, or changes their role and profile if they are one already. */
  public void putMember(
      UUID organisationId,
      UUID studyId,
      UUID userId,
      StudyRole role,
      String jobTitle,
      String profile,
      Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_study_member (organisation_id, study_id, user_id, study_role,
              job_title, profile, added_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (organisation_id, study_id, user_id) DO UPDATE
              SET study_role = EXCLUDED.study_role, job_title = EXCLUDED.job_title,
                profile = EXCLUDED.profile
            """)
        .params(organisationId, studyId, userId, role.name(), jobTitle, profile, Timestamp.from(at))
        .update();
  }

  /** Sets or removes (null) a member's photo; false if they are not a member. */
  public boolean setPhoto(UUID organisationId, UUID studyId, UUID userId, Photo photo) {
    return jdbc.sql(
                """
                UPDATE research_study_member SET photo = ?, photo_type = ?
                WHERE organisation_id = ? AND study_id = ? AND user_id = ?
                """)
            .params(
                photo == null ? null : photo.bytes(),
                photo == null ? null : photo.contentType(),
                organisationId,
                studyId,
                userId)
            .update()
        == 1;
  }

  public Optional<Photo> photo(UUID organisationId, UUID studyId, UUID userId) {
    return jdbc.sql(
            """
            SELECT photo, photo_type FROM research_study_member
            WHERE organisation_id = ? AND study_id = ? AND user_id = ? AND photo IS NOT NULL
            """)
        .params(organisationId, studyId, userId)
        .query((rs, n) -> new Photo(rs.getBytes("photo"), rs.getString("photo_type")))
        .optional();
  }

  public boolean removeMember(UUID organisationId, UUID studyId, UUID userId) {
    return jdbc.sql(
                """
                DELETE FROM research_study_member
                WHERE organisation_id = ? AND study_id = ? AND user_id = ?
                """)
            .params(organisationId, studyId, userId)
            .update()
        == 1;
  }

  /** Takes the study's row lock, so that concurrent set-up changes are taken in turn. */
  public void lock(UUID organisationId, UUID studyId) {
    jdbc.sql("SELECT 1 FROM research_study WHERE organisation_id = ? AND id = ? FOR UPDATE")
        .params(organisationId, studyId)
        .query(Integer.class)
        .optional();
  }

  public List<Site> sites(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, code, name, site_organisation_id FROM research_site
            WHERE organisation_id = ? AND study_id = ? ORDER BY code
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new Site(
                    rs.getObject("id", UUID.class),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getObject("site_organisation_id", UUID.class)))
        .list();
  }

  public void insertSite(UUID organisationId, UUID studyId, Site s) {
    jdbc.sql(
            """
            INSERT INTO research_site (organisation_id, id, study_id, code, name,
              site_organisation_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        .params(organisationId, s.id(), studyId, s.code(), s.name(), s.siteOrganisationId())
        .update();
  }

  public List<ParticipantGroup> groups(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            """
            SELECT id, code, name FROM research_participant_group
            WHERE organisation_id = ? AND study_id = ? ORDER BY code
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) ->
                new ParticipantGroup(
                    rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
        .list();
  }

  public void insertGroup(UUID organisationId, UUID studyId, ParticipantGroup g) {
    jdbc.sql(
            """
            INSERT INTO research_participant_group (organisation_id, id, study_id, code, name)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(organisationId, g.id(), studyId, g.code(), g.name())
        .update();
  }

  public Map<UUID, Map<UUID, Integer>> targets(UUID organisationId, UUID studyId) {
    Map<UUID, Map<UUID, Integer>> targets = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT site_id, group_id, target FROM research_recruitment_target
            WHERE organisation_id = ? AND study_id = ?
            """)
        .params(organisationId, studyId)
        .query(
            rs -> {
              targets
                  .computeIfAbsent(rs.getObject("site_id", UUID.class), k -> new LinkedHashMap<>())
                  .put(rs.getObject("group_id", UUID.class), rs.getInt("target"));
            });
    return targets;
  }

  /** Sets a target, or removes it when {@code target} is null. */
  public void putTarget(
      UUID organisationId, UUID studyId, UUID siteId, UUID groupId, Integer target) {
    if (target == null) {
      jdbc.sql(
              """
              DELETE FROM research_recruitment_target
              WHERE organisation_id = ? AND study_id = ? AND site_id = ? AND group_id = ?
              """)
          .params(organisationId, studyId, siteId, groupId)
          .update();
      return;
    }
    jdbc.sql(
            """
            INSERT INTO research_recruitment_target (organisation_id, study_id, site_id, group_id,
              target)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (organisation_id, study_id, site_id, group_id)
              DO UPDATE SET target = EXCLUDED.target
            """)
        .params(organisationId, studyId, siteId, groupId, target)
        .update();
  }

  public List<WorkPackage> workPackages(UUID organisationId, UUID studyId) {
    Map<UUID, List<StudyEvent>> events = new LinkedHashMap<>();
    jdbc.sql(
            """
            SELECT id, work_package_id, name, after_event_id, window_from_months, window_to_months
            FROM research_study_event WHERE organisation_id = ? AND study_id = ?
            ORDER BY position, id
            """)
        .params(organisationId, studyId)
        .query(
            rs -> {
              StudyEvent e =
                  new StudyEvent(
                      rs.getObject("id", UUID.class),
                      rs.getObject("work_package_id", UUID.class),
                      rs.getString("name"),
                      rs.getObject("after_event_id", UUID.class),
                      rs.getInt("window_from_months"),
                      rs.getInt("window_to_months"));
              events.computeIfAbsent(e.workPackageId(), k -> new java.util.ArrayList<>()).add(e);
            });
    return jdbc.sql(
            """
            SELECT id, code, title, description, starts_on, ends_on FROM research_work_package
            WHERE organisation_id = ? AND study_id = ? ORDER BY code
            """)
        .params(organisationId, studyId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new WorkPackage(
                  id,
                  rs.getString("code"),
                  rs.getString("title"),
                  rs.getString("description"),
                  localDate(rs, "starts_on"),
                  localDate(rs, "ends_on"),
                  events.getOrDefault(id, List.of()));
            })
        .list();
  }

  public void insertWorkPackage(UUID organisationId, UUID studyId, WorkPackage w) {
    jdbc.sql(
            """
            INSERT INTO research_work_package (organisation_id, id, study_id, code, title,
              description, starts_on, ends_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            w.id(),
            studyId,
            w.code(),
            w.title(),
            w.description(),
            date(w.startsOn()),
            date(w.endsOn()))
        .update();
  }

  public void insertEvent(UUID organisationId, UUID studyId, StudyEvent e) {
    jdbc.sql(
            """
            INSERT INTO research_study_event (organisation_id, id, study_id, work_package_id, name,
              after_event_id, window_from_months, window_to_months, position)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?,
              (SELECT coalesce(max(position), 0) + 1 FROM research_study_event
               WHERE organisation_id = ? AND study_id = ?))
            """)
        .params(
            organisationId,
            e.id(),
            studyId,
            e.workPackageId(),
            e.name(),
            e.afterEventId(),
            e.fromMonths(),
            e.toMonths(),
            organisationId,
            studyId)
        .update();
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static Study study(ResultSet rs, int n) throws SQLException {
    return new Study(
        rs.getObject("id", UUID.class),
        rs.getObject("organisation_id", UUID.class),
        rs.getString("title"),
        rs.getString("short_name"),
        rs.getString("summary"),
        rs.getString("funder"),
        rs.getString("grant_number"),
        rs.getString("sponsor"),
        rs.getString("ethics_reference"),
        rs.getString("contact_email"),
        rs.getString("contact_phone"),
        localDate(rs, "starts_on"),
        localDate(rs, "ends_on"),
        rs.getLong("version"));
  }
}

package org.waymark.research.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.research.ComposedUpdate;
import org.waymark.research.Photo;
import org.waymark.research.StudyUpdate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Study updates: drafts, and published issues with what they said and their PDF. */
@Repository
public class UpdateStore {

  private static final String COLUMNS =
      """
      id, study_id, title, period_from, period_to, narrative::text AS narrative, featured_user_id,
      status, published_at, composed::text AS composed, version
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  UpdateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID organisationId, StudyUpdate u, Instant at) {
    jdbc.sql(
            """
            INSERT INTO research_update (organisation_id, id, study_id, title, period_from,
              period_to, narrative, featured_user_id, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 'DRAFT', ?)
            """)
        .params(
            organisationId,
            u.id(),
            u.studyId(),
            u.title(),
            Date.valueOf(u.periodFrom()),
            Date.valueOf(u.periodTo()),
            json.writeValueAsString(u.narrative()),
            u.featuredUserId(),
            Timestamp.from(at))
        .update();
  }

  /** Saves a draft if it is still a draft at that version; false if not. */
  public boolean update(UUID organisationId, StudyUpdate u, long version) {
    return jdbc.sql(
                """
                UPDATE research_update SET title = ?, period_from = ?, period_to = ?,
                  narrative = CAST(? AS jsonb), featured_user_id = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND status = 'DRAFT'
                """)
            .params(
                u.title(),
                Date.valueOf(u.periodFrom()),
                Date.valueOf(u.periodTo()),
                json.writeValueAsString(u.narrative()),
                u.featuredUserId(),
                organisationId,
                u.id(),
                version)
            .update()
        == 1;
  }

  /** Publishes a draft at that version with what it says; false if it moved on. */
  public boolean publish(
      UUID organisationId,
      UUID id,
      long version,
      ComposedUpdate composed,
      byte[] pdf,
      Photo photo,
      UUID by,
      Instant at) {
    return jdbc.sql(
                """
                UPDATE research_update SET status = 'PUBLISHED', composed = CAST(? AS jsonb),
                  pdf = ?, featured_photo = ?, featured_photo_type = ?, published_by = ?,
                  published_at = ?, version = version + 1
                WHERE organisation_id = ? AND id = ? AND version = ? AND status = 'DRAFT'
                """)
            .params(
                json.writeValueAsString(composed),
                pdf,
                photo == null ? null : photo.bytes(),
                photo == null ? null : photo.contentType(),
                by,
                Timestamp.from(at),
                organisationId,
                id,
                version)
            .update()
        == 1;
  }

  /** The photo a published issue showed, by the id alone (public once published). */
  public Optional<Photo> publishedPhoto(UUID id) {
    return jdbc.sql(
            """
            SELECT featured_photo, featured_photo_type FROM research_update
            WHERE id = ? AND status = 'PUBLISHED' AND featured_photo IS NOT NULL
            """)
        .param(id)
        .query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2)))
        .optional();
  }

  public List<StudyUpdate> list(UUID organisationId, UUID studyId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM research_update WHERE organisation_id = ? AND study_id = ?"
                + " ORDER BY period_to DESC, created_at DESC")
        .params(organisationId, studyId)
        .query(this::map)
        .list();
  }

  public Optional<StudyUpdate> find(UUID organisationId, UUID studyId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM research_update WHERE organisation_id = ? AND study_id = ? AND id = ?")
        .params(organisationId, studyId, id)
        .query(this::map)
        .optional();
  }

  public Optional<byte[]> pdf(UUID organisationId, UUID studyId, UUID id) {
    return jdbc.sql(
            """
            SELECT pdf FROM research_update
            WHERE organisation_id = ? AND study_id = ? AND id = ? AND status = 'PUBLISHED'
            """)
        .params(organisationId, studyId, id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  /** A published issue by id alone, with its study's title, for its public page. */
  public Optional<Map.Entry<String, StudyUpdate>> published(UUID id) {
    return jdbc.sql(
            """
            SELECT s.title AS study_title, u.id, u.study_id, u.title, u.period_from, u.period_to,
              u.narrative::text AS narrative, u.featured_user_id, u.status, u.published_at,
              u.composed::text AS composed, u.version
            FROM research_update u
            JOIN research_study s ON s.organisation_id = u.organisation_id AND s.id = u.study_id
            WHERE u.id = ? AND u.status = 'PUBLISHED'
            """)
        .param(id)
        .query((rs, n) -> Map.entry(rs.getString("study_title"), map(rs, n)))
        .optional();
  }

  /** A published issue's PDF by id alone, for its public page. */
  public Optional<byte[]> publishedPdf(UUID id) {
    return jdbc.sql("SELECT pdf FROM research_update WHERE id = ? AND status = 'PUBLISHED'")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  private StudyUpdate map(ResultSet rs, int n) throws SQLException {
    Timestamp published = rs.getTimestamp("published_at");
    String composed = rs.getString("composed");
    Map<String, String> narrative =
        json.readValue(
            rs.getString("narrative"), new TypeReference<LinkedHashMap<String, String>>() {});
    return new StudyUpdate(
        rs.getObject("id", UUID.class),
        rs.getObject("study_id", UUID.class),
        rs.getString("title"),
        rs.getDate("period_from").toLocalDate(),
        rs.getDate("period_to").toLocalDate(),
        narrative,
        rs.getObject("featured_user_id", UUID.class),
        "PUBLISHED".equals(rs.getString("status")),
        published == null ? null : published.toInstant(),
        composed == null ? null : json.readValue(composed, ComposedUpdate.class),
        rs.getLong("version"));
  }
}

package org.waymark.directory.internal.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryImports.HarvestSource;
import org.waymark.directory.DirectoryImports.Kind;
import org.waymark.directory.DirectoryImports.Line;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;

/** Reads the kept import reports and harvest sources, for administrators. */
@Component
public class ImportReports {

  private static final String SUMMARY =
      "SELECT id, kind, source, started_by, started_at, finished_at, status, created, updated,"
          + " unchanged, skipped, failed, message FROM directory_import";

  private final JdbcClient jdbc;

  ImportReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The most recent imports of every holder, newest first. */
  public List<Summary> recent(int limit) {
    return jdbc.sql(SUMMARY + " ORDER BY started_at DESC, id LIMIT :limit")
        .param("limit", limit)
        .query(ImportReports::summary)
        .list();
  }

  /** An import of any holder. */
  public Optional<Summary> find(UUID id) {
    return jdbc.sql(SUMMARY + " WHERE id = :id")
        .param("id", id)
        .query(ImportReports::summary)
        .optional();
  }

  Optional<Summary> find(UUID holder, UUID id) {
    return jdbc.sql(SUMMARY + " WHERE organisation_id = :holder AND id = :id")
        .param("holder", holder)
        .param("id", id)
        .query(ImportReports::summary)
        .optional();
  }

  /** An import's lines in order, only those with the outcome unless it is null. */
  public List<Line> lines(UUID importId, Outcome outcome) {
    return jdbc.sql(
            "SELECT seq, source_id, name, outcome, reason FROM directory_import_record"
                + " WHERE organisation_id = (SELECT organisation_id FROM directory_import WHERE id ="
                + " :id) AND import_id = :id AND (CAST(:outcome AS text) IS NULL OR outcome ="
                + " CAST(:outcome AS text)) ORDER BY seq")
        .param("id", importId)
        .param("outcome", outcome == null ? null : outcome.name(), java.sql.Types.VARCHAR)
        .query(
            (rs, n) ->
                new Line(
                    rs.getInt("seq"),
                    rs.getString("source_id"),
                    rs.getString("name"),
                    Outcome.valueOf(rs.getString("outcome")),
                    rs.getString("reason")))
        .list();
  }

  /** Every harvested API, by name. */
  public List<HarvestSource> harvestSources() {
    return jdbc.sql(
            "SELECT id, base_url, name, every_hours, last_harvested_at FROM"
                + " directory_harvest_source ORDER BY lower(name), base_url")
        .query(ImportReports::harvestSource)
        .list();
  }

  static HarvestSource harvestSource(ResultSet rs, int n) throws SQLException {
    return new HarvestSource(
        rs.getObject("id", UUID.class),
        rs.getString("base_url"),
        rs.getString("name"),
        rs.getInt("every_hours"),
        instant(rs.getTimestamp("last_harvested_at")));
  }

  private static Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getObject("id", UUID.class),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("source"),
        rs.getString("started_by"),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        Status.valueOf(rs.getString("status")),
        rs.getInt("created"),
        rs.getInt("updated"),
        rs.getInt("unchanged"),
        rs.getInt("skipped"),
        rs.getInt("failed"),
        rs.getString("message"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

package org.waymark.outcome.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.audit.AuditLog;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentVersion;
import tools.jackson.databind.json.JsonMapper;

/** The {@code outcome_instrument} table: definitions stored as JSON, never changed once stored. */
@Repository
public class InstrumentStore {

  /** Instruments belong to the deployment. */
  static final UUID DEPLOYMENT = AuditLog.DEPLOYMENT;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  InstrumentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.json = JsonMapper.builder().build();
  }

  /** Stores a version; false if that version exists already (nothing changed). */
  public boolean insert(Instrument instrument, String source) {
    return jdbc.sql(
                """
                INSERT INTO outcome_instrument (organisation_id, code, version, title, definition,
                  source)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT DO NOTHING
                """)
            .params(
                DEPLOYMENT,
                instrument.code(),
                instrument.version(),
                instrument.title(),
                json.writeValueAsString(instrument),
                source)
            .update()
        == 1;
  }

  public Optional<Instrument> find(String code, int version) {
    return jdbc.sql(
            """
            SELECT definition::text FROM outcome_instrument
            WHERE organisation_id = ? AND code = ? AND version = ?
            """)
        .params(DEPLOYMENT, code, version)
        .query((rs, n) -> read(rs.getString(1)))
        .optional();
  }

  /** The newest version of each instrument, by title. */
  public List<Instrument> current() {
    return jdbc
        .sql(
            """
            SELECT DISTINCT ON (code) definition::text, title FROM outcome_instrument
            WHERE organisation_id = ? ORDER BY code, version DESC
            """)
        .param(DEPLOYMENT)
        .query((rs, n) -> read(rs.getString(1)))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(Instrument::title))
        .toList();
  }

  /** Every published version, by code and version. */
  public List<InstrumentVersion> versions() {
    return jdbc.sql(
            """
            SELECT code, version, title, source, published_at FROM outcome_instrument
            WHERE organisation_id = ? ORDER BY code, version
            """)
        .param(DEPLOYMENT)
        .query(
            (rs, n) ->
                new InstrumentVersion(
                    rs.getString("code"),
                    rs.getInt("version"),
                    rs.getString("title"),
                    rs.getString("source").equals("SHIPPED"),
                    rs.getTimestamp("published_at").toInstant()))
        .list();
  }

  Instrument read(String text) {
    return json.readValue(text, Instrument.class);
  }
}

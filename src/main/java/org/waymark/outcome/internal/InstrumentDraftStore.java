package org.waymark.outcome.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentDraft;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code outcome_instrument_draft} table: questionnaires being built, one per code at most.
 * Changes name the version they were made from and change nothing if it is not the stored one.
 */
@Repository
public class InstrumentDraftStore {

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  InstrumentDraftStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a new draft; false if the code has a draft already (nothing stored). */
  public boolean insert(UUID id, Instrument instrument, UUID createdBy) {
    return jdbc.sql(
                """
                INSERT INTO outcome_instrument_draft (organisation_id, id, code, definition,
                  created_by)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT DO NOTHING
                """)
            .params(
                InstrumentStore.DEPLOYMENT,
                id,
                instrument.code(),
                json.writeValueAsString(instrument),
                createdBy)
            .update()
        == 1;
  }

  /** Replaces the definition if the draft is still at that version; false if it is not. */
  public boolean update(UUID id, long version, Instrument instrument) {
    return jdbc.sql(
                """
                UPDATE outcome_instrument_draft
                SET definition = CAST(? AS jsonb), version = version + 1, updated_at = now()
                WHERE organisation_id = ? AND id = ? AND version = ?
                """)
            .params(json.writeValueAsString(instrument), InstrumentStore.DEPLOYMENT, id, version)
            .update()
        == 1;
  }

  /** Deletes the draft if it is still at that version; false if it is not. */
  public boolean delete(UUID id, long version) {
    return jdbc.sql(
                """
                DELETE FROM outcome_instrument_draft
                WHERE organisation_id = ? AND id = ? AND version = ?
                """)
            .params(InstrumentStore.DEPLOYMENT, id, version)
            .update()
        == 1;
  }

  public Optional<InstrumentDraft> find(UUID id) {
    return jdbc.sql(
            """
            SELECT id, definition::text, version, updated_at FROM outcome_instrument_draft
            WHERE organisation_id = ? AND id = ?
            """)
        .params(InstrumentStore.DEPLOYMENT, id)
        .query(this::draft)
        .optional();
  }

  /** Every draft, by code. */
  public List<InstrumentDraft> all() {
    return jdbc.sql(
            """
            SELECT id, definition::text, version, updated_at FROM outcome_instrument_draft
            WHERE organisation_id = ? ORDER BY code
            """)
        .param(InstrumentStore.DEPLOYMENT)
        .query(this::draft)
        .list();
  }

  /** The draft of a code, if there is one. */
  public Optional<InstrumentDraft> forCode(String code) {
    return jdbc.sql(
            """
            SELECT id, definition::text, version, updated_at FROM outcome_instrument_draft
            WHERE organisation_id = ? AND code = ?
            """)
        .params(InstrumentStore.DEPLOYMENT, code)
        .query(this::draft)
        .optional();
  }

  private InstrumentDraft draft(ResultSet rs, int n) throws SQLException {
    return new InstrumentDraft(
        rs.getObject("id", UUID.class),
        json.readValue(rs.getString(2), Instrument.class),
        rs.getLong("version"),
        rs.getTimestamp("updated_at").toInstant());
  }
}

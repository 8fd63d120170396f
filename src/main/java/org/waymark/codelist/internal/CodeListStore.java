package org.waymark.codelist.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.StoredCodeEntry;

/** The {@code code_list_entry} table. Access checks and auditing are the caller's job. */
@Repository
public class CodeListStore {

  private static final String COLUMNS = "list, code, label, snomed_code, active, position, version";

  /** The unique index on a list's labels, ignoring case. */
  public static final String LABEL_INDEX = "code_list_entry_label_uq";

  private final JdbcClient jdbc;

  CodeListStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CodeEntry> entries(CodeList list) {
    return stored(list).stream().map(StoredCodeEntry::entry).toList();
  }

  /** Every entry of a list with its version, in their order. */
  public List<StoredCodeEntry> stored(CodeList list) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM code_list_entry WHERE list = :list ORDER BY position, lower(label)")
        .param("list", list.name())
        .query(CodeListStore::map)
        .list();
  }

  public Optional<StoredCodeEntry> find(CodeList list, String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM code_list_entry WHERE list = ? AND code = ?")
        .params(list.name(), code)
        .query(CodeListStore::map)
        .optional();
  }

  /** Whether another entry of the list has this label, ignoring case. */
  public boolean labelTaken(CodeList list, String label, String exceptCode) {
    return jdbc.sql(
                """
                SELECT count(*) FROM code_list_entry
                WHERE list = ? AND lower(label) = lower(?) AND code IS DISTINCT FROM ?
                """)
            .params(list.name(), label, exceptCode)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Inserts a new active entry unless the list already has the code (then nothing is written).
   *
   * @return true if inserted
   */
  public boolean insert(CodeList list, String code, String label, String snomedCode, int position) {
    return jdbc.sql(
                """
                INSERT INTO code_list_entry (list, code, label, snomed_code, position)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (organisation_id, list, code) DO NOTHING
                """)
            .params(list.name(), code, label, snomedCode, position)
            .update()
        == 1;
  }

  /**
   * Writes new values if the entry is still at {@code expectedVersion}, and moves it to the next.
   *
   * @return false if the entry has changed (or does not exist)
   */
  public boolean update(
      CodeList list,
      String code,
      long expectedVersion,
      String label,
      String snomedCode,
      boolean active,
      int position) {
    return jdbc.sql(
                """
                UPDATE code_list_entry SET label = ?, snomed_code = ?, active = ?, position = ?,
                  updated_at = now(), version = version + 1
                WHERE list = ? AND code = ? AND version = ?
                """)
            .params(label, snomedCode, active, position, list.name(), code, expectedVersion)
            .update()
        == 1;
  }

  private static StoredCodeEntry map(ResultSet rs, int row) throws SQLException {
    return new StoredCodeEntry(
        new CodeEntry(
            CodeList.valueOf(rs.getString("list")),
            rs.getString("code"),
            rs.getString("label"),
            rs.getString("snomed_code"),
            rs.getBoolean("active"),
            rs.getInt("position")),
        rs.getLong("version"));
  }
}

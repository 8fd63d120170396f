package org.waymark.codelist.internal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;

/** The {@code code_list_entry} table. Access checks and auditing are the caller's job. */
@Repository
public class CodeListStore {

  private final JdbcClient jdbc;

  CodeListStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<CodeEntry> entries(CodeList list) {
    return jdbc.sql(
            """
            SELECT list, code, label, snomed_code, active, position FROM code_list_entry
            WHERE list = :list ORDER BY position, label
            """)
        .param("list", list.name())
        .query(
            (rs, n) ->
                new CodeEntry(
                    CodeList.valueOf(rs.getString("list")),
                    rs.getString("code"),
                    rs.getString("label"),
                    rs.getString("snomed_code"),
                    rs.getBoolean("active"),
                    rs.getInt("position")))
        .list();
  }
}

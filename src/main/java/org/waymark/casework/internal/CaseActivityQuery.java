package org.waymark.casework.internal;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseFile;

/**
 * Counts a case's contacts for the discharge summary from {@code casework_contact} (columns {@code
 * organisation_id, case_id, contact_at, outcome}, outcome one of {@code ATTENDED}, {@code
 * DID_NOT_ATTEND}, {@code CANCELLED_BY_PERSON}, {@code CANCELLED_BY_SERVICE}), the table the case
 * page's contacts are recorded in. Planned contacts (no outcome yet) are not counted.
 */
@Component
public class CaseActivityQuery {

  private final JdbcClient jdbc;

  CaseActivityQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public CaseActivity activity(CaseFile c) {
    return jdbc.sql(
            """
            SELECT count(*) FILTER (WHERE outcome = 'ATTENDED') AS attended,
                   count(*) FILTER (WHERE outcome = 'DID_NOT_ATTEND') AS missed,
                   count(*) FILTER (WHERE outcome IN ('CANCELLED_BY_PERSON', 'CANCELLED_BY_SERVICE'))
                     AS cancelled,
                   min(contact_at) FILTER (WHERE outcome = 'ATTENDED') AS first_attended
            FROM casework_contact WHERE organisation_id = ? AND case_id = ?
            """)
        .params(c.organisationId(), c.id())
        .query(
            (rs, n) -> {
              Timestamp first = rs.getTimestamp("first_attended");
              return new CaseActivity(
                  rs.getInt("attended"),
                  rs.getInt("missed"),
                  rs.getInt("cancelled"),
                  first != null ? first.toInstant() : c.firstContactAt());
            })
        .single();
  }
}

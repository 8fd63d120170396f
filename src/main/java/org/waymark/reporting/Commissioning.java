package org.waymark.reporting;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which PCNs a commissioning organisation (an ICB or a local authority) sees in its dashboards.
 * Changed only by an administrator (the reporting administration pages check and audit that).
 */
@Service
public class Commissioning {

  private final JdbcClient jdbc;

  Commissioning(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The PCNs a commissioning organisation sees, in no particular order. */
  public List<UUID> pcnsOf(UUID commissionerId) {
    return jdbc.sql("SELECT pcn_id FROM report_commissioning WHERE organisation_id = :org")
        .param("org", commissionerId)
        .query(UUID.class)
        .list();
  }

  /**
   * Lets a commissioning organisation see a PCN's figures.
   *
   * @return false if it already did
   */
  @Transactional
  public boolean add(UUID commissionerId, UUID pcnId) {
    return jdbc.sql(
                """
                INSERT INTO report_commissioning (organisation_id, pcn_id) VALUES (:org, :pcn)
                ON CONFLICT DO NOTHING
                """)
            .param("org", commissionerId)
            .param("pcn", pcnId)
            .update()
        == 1;
  }

  /**
   * Stops a commissioning organisation seeing a PCN's figures.
   *
   * @return false if it did not
   */
  @Transactional
  public boolean remove(UUID commissionerId, UUID pcnId) {
    return jdbc.sql(
                "DELETE FROM report_commissioning WHERE organisation_id = :org AND pcn_id = :pcn")
            .param("org", commissionerId)
            .param("pcn", pcnId)
            .update()
        == 1;
  }
}

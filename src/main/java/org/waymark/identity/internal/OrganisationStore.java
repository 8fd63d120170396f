package org.waymark.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;

/** Organisations in PostgreSQL. */
@Repository
public class OrganisationStore {

  private final JdbcClient jdbc;

  OrganisationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Organisation o) {
    jdbc.sql(
            """
            INSERT INTO organisation (id, type, name, ods_code, parent_id, postcode)
            VALUES (:id, :type, :name, :ods, :parent, :postcode)
            """)
        .param("id", o.id())
        .param("type", o.type().name())
        .param("name", o.name())
        .param("ods", o.odsCode())
        .param("parent", o.parentId())
        .param("postcode", o.postcode())
        .update();
  }

  public void update(Organisation o) {
    jdbc.sql(
            """
            UPDATE organisation SET name = :name, ods_code = :ods, parent_id = :parent, postcode = :postcode
            WHERE id = :id
            """)
        .param("id", o.id())
        .param("name", o.name())
        .param("ods", o.odsCode())
        .param("parent", o.parentId())
        .param("postcode", o.postcode())
        .update();
  }

  public Optional<Organisation> find(UUID id) {
    return jdbc.sql("SELECT * FROM organisation WHERE id = ?")
        .param(id)
        .query(OrganisationStore::map)
        .optional();
  }

  public boolean nameTaken(String name, UUID except) {
    return jdbc.sql("SELECT count(*) FROM organisation WHERE lower(name) = lower(?) AND id <> ?")
            .param(name.trim())
            .param(except == null ? new UUID(0, 0) : except)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean odsCodeTaken(String ods, UUID except) {
    return jdbc.sql(
                "SELECT count(*) FROM organisation WHERE upper(ods_code) = upper(?) AND id <> ?")
            .param(ods.trim())
            .param(except == null ? new UUID(0, 0) : except)
            .query(Long.class)
            .single()
        > 0;
  }

  public List<Organisation> all() {
    return jdbc.sql("SELECT * FROM organisation ORDER BY type = 'DEPLOYMENT' DESC, lower(name)")
        .query(OrganisationStore::map)
        .list();
  }

  public List<Organisation> children(UUID parentId) {
    return jdbc.sql("SELECT * FROM organisation WHERE parent_id = ? ORDER BY lower(name)")
        .param(parentId)
        .query(OrganisationStore::map)
        .list();
  }

  public List<Organisation> ofType(OrganisationType type) {
    return jdbc.sql("SELECT * FROM organisation WHERE type = ? ORDER BY lower(name)")
        .param(type.name())
        .query(OrganisationStore::map)
        .list();
  }

  static Organisation map(ResultSet rs, int row) throws SQLException {
    return new Organisation(
        rs.getObject("id", UUID.class),
        OrganisationType.valueOf(rs.getString("type")),
        rs.getString("name"),
        rs.getString("ods_code"),
        rs.getObject("parent_id", UUID.class),
        rs.getString("postcode"),
        rs.getTimestamp("created_at").toInstant());
  }
}

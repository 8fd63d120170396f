package org.waymark.platform;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.waymark.platform.database.EmbeddedDatabase;

/** Tells whether Waymark runs on its own embedded PostgreSQL or on an external server. */
@Component
public class DatabaseMode {

  private final boolean embedded;

  DatabaseMode(DataSource dataSource) throws java.sql.SQLException {
    this.embedded =
        dataSource instanceof EmbeddedDatabase || dataSource.isWrapperFor(EmbeddedDatabase.class);
  }

  /** True when the data lives in the embedded PostgreSQL under {@code WAYMARK_DATA_DIR}. */
  public boolean embedded() {
    return embedded;
  }
}

package org.waymark.casework.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.waymark.casework.CaseFile;

/**
 * Locks a case's row until the transaction ends, so that records written to one case are written
 * one after another: a closure cannot slip in between the open-case check and the write, and the
 * case's derived first contact and assessment numbering see every earlier write.
 */
@Repository
public class CaseRowLock {

  private final JdbcClient jdbc;

  CaseRowLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The case as it is once locked; empty if there is no such case. */
  public Optional<CaseFile> lock(UUID id) {
    return jdbc.sql("SELECT " + CaseStore.COLUMNS + " FROM casework_case WHERE id = ? FOR UPDATE")
        .param(id)
        .query(CaseStore::map)
        .optional();
  }
}

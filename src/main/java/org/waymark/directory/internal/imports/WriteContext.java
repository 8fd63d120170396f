package org.waymark.directory.internal.imports;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One import's holder and source, and the shared records (organisations, taxonomies, terms,
 * locations) it has already written. Several services may carry the same organisation or term,
 * sometimes described differently: the first description in an import wins, so that importing the
 * same file again changes nothing. Only what a committed record wrote counts as written.
 */
final class WriteContext {

  final UUID holder;
  final String source;
  final UUID importId;
  final String changedBy;
  private final Set<UUID> written = new HashSet<>();
  private final Set<UUID> pending = new HashSet<>();

  WriteContext(UUID holder, String source, UUID importId, String changedBy) {
    this.holder = holder;
    this.source = source;
    this.importId = importId;
    this.changedBy = changedBy;
  }

  /** The Waymark id of a source record of this kind, the same on every import. */
  UUID id(String entity, String sourceId) {
    return ids(holder, source, entity, sourceId);
  }

  static UUID ids(UUID holder, String source, String entity, String sourceId) {
    return UUID.nameUUIDFromBytes(
        (holder + "\n" + source + "\n" + entity + "\n" + sourceId)
            .getBytes(StandardCharsets.UTF_8));
  }

  /** True the first time a shared record is met in this import (committed or in this record). */
  boolean firstTime(UUID id) {
    if (written.contains(id) || pending.contains(id)) {
      return false;
    }
    pending.add(id);
    return true;
  }

  void committed() {
    written.addAll(pending);
    pending.clear();
  }

  void rolledBack() {
    pending.clear();
  }
}

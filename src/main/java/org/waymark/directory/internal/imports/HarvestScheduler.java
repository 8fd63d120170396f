package org.waymark.directory.internal.imports;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waymark.directory.DirectoryImports;

/**
 * Re-harvests the ORUK APIs whose time has come (each source says how many hours apart). Every
 * instance checks; a PostgreSQL advisory lock lets only one of them harvest at a time.
 */
@Component
class HarvestScheduler {

  static final String LOCK = "directory-harvest-schedule";
  private static final Logger log = LoggerFactory.getLogger(HarvestScheduler.class);

  private final DirectoryImporter importer;
  private final DirectoryImports imports;
  private final AdvisoryLocks locks;

  HarvestScheduler(DirectoryImporter importer, DirectoryImports imports, AdvisoryLocks locks) {
    this.importer = importer;
    this.imports = imports;
    this.locks = locks;
  }

  @Scheduled(
      initialDelayString = "${waymark.directory.harvest.first-check-after:PT5M}",
      fixedDelayString = "${waymark.directory.harvest.check-every:PT15M}")
  void harvestDueSources() {
    harvestDue();
  }

  /** Harvests every due source; returns how many were harvested, or -1 if another instance is. */
  int harvestDue() {
    return locks
        .tryWith(
            LOCK,
            () -> {
              int harvested = 0;
              for (UUID id : importer.dueHarvestSources()) {
                try {
                  if (imports.harvest(id, "schedule").isPresent()) {
                    harvested++;
                  }
                } catch (RuntimeException e) {
                  log.warn("Scheduled harvest of source {} failed", id, e);
                }
              }
              return harvested;
            })
        .orElse(-1);
  }
}

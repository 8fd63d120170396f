package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The documented backup and restore (docs/operations/backup-and-restore.md): a base backup plus the
 * WAL archive restores to a point in time. Runs scripts/test-backup-restore.sh, which drives the
 * real scripts against a throwaway PostgreSQL with PostgreSQL's own tools (CI installs them).
 */
class BackupRestoreTests {

  static final Path BIN =
      Path.of(System.getenv().getOrDefault("PG_BIN", "/usr/lib/postgresql/15/bin"));

  @Test
  void aBaseBackupAndTheWalArchiveRestoreToAPointInTime() throws IOException, InterruptedException {
    assumeTrue(
        Files.isExecutable(BIN.resolve("pg_basebackup"))
            && Files.isExecutable(BIN.resolve("initdb")),
        "PostgreSQL's server tools are not installed at " + BIN);
    Process p =
        new ProcessBuilder("scripts/test-backup-restore.sh").redirectErrorStream(true).start();
    boolean finished = p.waitFor(3, TimeUnit.MINUTES);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      p.destroyForcibly();
    }
    assertThat(finished).as("finished within 3 minutes").isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).contains("rows 1 and 2, not 3", "the restored server takes writes");
  }
}

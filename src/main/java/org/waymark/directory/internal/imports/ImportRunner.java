package org.waymark.directory.internal.imports;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.directory.DirectoryImports.Kind;
import org.waymark.directory.DirectoryImports.Line;
import org.waymark.directory.DirectoryImports.Outcome;
import org.waymark.directory.DirectoryImports.Status;
import org.waymark.directory.DirectoryImports.Summary;
import org.waymark.directory.internal.imports.ImportModel.Failure;
import org.waymark.directory.internal.imports.ImportModel.Item;
import org.waymark.directory.internal.imports.ImportModel.Service;
import org.waymark.directory.internal.imports.ImportModel.Skip;

/**
 * Runs an import: opens its report, writes each record, lists every record's outcome and closes the
 * report with the counts.
 *
 * <p>Each record is written in a savepoint of its own, so a record that fails is rolled back whole
 * and the records around it are kept. Records are committed together, up to {@link #CHUNK} at a
 * time or every second, with their report lines: a commit per record (a disk flush each) made a
 * council feed of 800 services take over 20 seconds to import, against a second or two this way.
 */
@Component
class ImportRunner {

  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);
  private static final int REPORT_BATCH = 500;
  static final int CHUNK = 250;
  private static final long CHUNK_NANOS = 1_000_000_000L;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final DirectoryWriter writer;
  private final TransactionTemplate perRecord;
  private final PlatformTransactionManager transactions;
  private final ImportReports reports;

  ImportRunner(
      JdbcClient jdbc,
      JdbcTemplate template,
      DirectoryWriter writer,
      PlatformTransactionManager transactions,
      ImportReports reports) {
    this.jdbc = jdbc;
    this.template = template;
    this.writer = writer;
    this.perRecord = new TransactionTemplate(transactions);
    this.perRecord.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.transactions = transactions;
    this.reports = reports;
  }

  /** An import in progress: its report so far. */
  final class Run {
    final UUID id;
    final WriteContext ctx;
    private final Kind kind;
    private final List<Line> pending = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final int[] counts = new int[Outcome.values().length];
    private int seq;
    private TransactionStatus chunk;
    private int chunkRecords;
    private long chunkStarted;

    private Run(UUID id, Kind kind, WriteContext ctx) {
      this.id = id;
      this.kind = kind;
      this.ctx = ctx;
    }

    /** Maps and writes one source record, reporting its outcome; never throws. */
    <T> Outcome record(T raw, Function<T, Item> mapper) {
      Item item;
      try {
        item = mapper.apply(raw);
      } catch (RuntimeException e) {
        item = new Failure(null, null, "Could not read the record: " + safeMessage(e));
      }
      return record(item);
    }

    Outcome record(Item item) {
      int at = seq + 1;
      if (item instanceof Skip skip) {
        return line(skip.sourceId(), skip.name(), Outcome.SKIPPED, skip.reason());
      }
      if (item instanceof Failure failure) {
        return line(failure.sourceId(), failure.name(), Outcome.FAILED, failure.reason());
      }
      Service service = (Service) item;
      Integer earlier = seen.putIfAbsent(service.sourceId(), at);
      if (earlier != null) {
        return line(
            service.sourceId(),
            service.name(),
            Outcome.SKIPPED,
            "The same id appears earlier in this import (record " + earlier + ")");
      }
      String notes = service.notes().isEmpty() ? null : String.join("; ", service.notes());
      TransactionStatus tx = chunk();
      Object savepoint = tx.createSavepoint();
      Outcome outcome;
      try {
        outcome = writer.write(ctx, service);
        tx.releaseSavepoint(savepoint);
        ctx.committed();
      } catch (RuntimeException e) {
        tx.rollbackToSavepoint(savepoint);
        ctx.rolledBack();
        log.debug("Import {}: record {} failed", id, service.sourceId(), e);
        return line(service.sourceId(), service.name(), Outcome.FAILED, failureReason(e));
      }
      chunkRecords++;
      return line(service.sourceId(), service.name(), outcome, notes);
    }

    /** The open transaction, after committing the last one if it has grown big or old. */
    private TransactionStatus chunk() {
      if (chunk != null
          && (chunkRecords >= CHUNK || System.nanoTime() - chunkStarted > CHUNK_NANOS)) {
        commit();
      }
      if (chunk == null) {
        chunk = transactions.getTransaction(requiresNew());
        chunkRecords = 0;
        chunkStarted = System.nanoTime();
      }
      return chunk;
    }

    /**
     * Commits what has been written so far with its report lines; harvests call this before each
     * request, so that no transaction stays open while waiting on another server.
     */
    void commit() {
      if (chunk != null) {
        flush();
        TransactionStatus done = chunk;
        chunk = null;
        transactions.commit(done);
      }
    }

    /** Reports a record without writing anything (for sources that write in bulk). */
    Outcome line(String sourceId, String name, Outcome outcome, String reason) {
      seq++;
      counts[outcome.ordinal()]++;
      pending.add(new Line(seq, cut(sourceId, 200), cut(name, 300), outcome, cut(reason, 2000)));
      if (pending.size() >= REPORT_BATCH) {
        flush();
      }
      return outcome;
    }

    /** Counts records without listing them (the postcode directory has millions). */
    void count(Outcome outcome, int n) {
      counts[outcome.ordinal()] += n;
    }

    private void flush() {
      if (pending.isEmpty()) {
        return;
      }
      template.batchUpdate(
          "INSERT INTO directory_import_record (organisation_id, import_id, seq, source_id, name,"
              + " outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
          pending,
          pending.size(),
          (ps, l) -> {
            ps.setObject(1, ctx.holder);
            ps.setObject(2, id);
            ps.setInt(3, l.seq());
            ps.setString(4, l.sourceId());
            ps.setString(5, l.name());
            ps.setString(6, l.outcome().name());
            ps.setString(7, l.reason());
          });
      pending.clear();
    }

    /**
     * Ends an import that something unexpected stopped: the records not yet committed are rolled
     * back with their report lines, and the report says so.
     */
    Summary abandon(RuntimeException e) {
      log.warn("Import {} ({} {}) stopped", id, kind, ctx.source, e);
      if (chunk != null) {
        TransactionStatus open = chunk;
        chunk = null;
        transactions.rollback(open);
      }
      pending.clear();
      return finish(
          Status.FAILED,
          "The import stopped unexpectedly; the records read in its last second were not kept and"
              + " the counts include them. Importing again completes it.");
    }

    /** Closes the report; a message says why the import stopped, or what else it did. */
    Summary finish(Status status, String message) {
      commit();
      flush();
      jdbc.sql(
              """
              UPDATE directory_import SET finished_at = now(), status = :status,
                created = :created, updated = :updated, unchanged = :unchanged,
                skipped = :skipped, failed = :failed, message = :message
              WHERE organisation_id = :holder AND id = :id
              """)
          .param("status", status.name())
          .param("created", counts[Outcome.CREATED.ordinal()])
          .param("updated", counts[Outcome.UPDATED.ordinal()])
          .param("unchanged", counts[Outcome.UNCHANGED.ordinal()])
          .param("skipped", counts[Outcome.SKIPPED.ordinal()])
          .param("failed", counts[Outcome.FAILED.ordinal()])
          .param("message", cut(message, 2000))
          .param("holder", ctx.holder)
          .param("id", id)
          .update();
      log.info(
          "Directory import {} ({} {}): {}, {} created, {} updated, {} unchanged, {} skipped, {}"
              + " failed",
          id,
          kind,
          ctx.source,
          status,
          counts[Outcome.CREATED.ordinal()],
          counts[Outcome.UPDATED.ordinal()],
          counts[Outcome.UNCHANGED.ordinal()],
          counts[Outcome.SKIPPED.ordinal()],
          counts[Outcome.FAILED.ordinal()]);
      return reports.find(ctx.holder, id).orElseThrow();
    }
  }

  private static DefaultTransactionDefinition requiresNew() {
    DefaultTransactionDefinition d = new DefaultTransactionDefinition();
    d.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return d;
  }

  /**
   * Writes a vocabulary (taxonomies, then terms, then the terms' parents once all exist) in one
   * transaction; returns how many terms it holds.
   */
  int vocabulary(Run run, List<ImportModel.Taxonomy> taxonomies, List<ImportModel.Term> terms) {
    run.commit();
    try {
      perRecord.executeWithoutResult(
          status -> {
            for (ImportModel.Taxonomy t : taxonomies) {
              UUID id = run.ctx.id("taxonomy", t.sourceId());
              if (run.ctx.firstTime(id)) {
                writer.writeTaxonomy(run.ctx, id, t);
              }
            }
            for (ImportModel.Term t : terms) {
              writer.writeTerm(run.ctx, t);
            }
            for (ImportModel.Term t : terms) {
              writer.linkParent(run.ctx, t);
            }
          });
      run.ctx.committed();
      return terms.size();
    } catch (RuntimeException e) {
      run.ctx.rolledBack();
      throw new IllegalArgumentException("The taxonomy could not be saved: " + failureReason(e));
    }
  }

  /** Opens an import's report (committed at once, so a running import is visible). */
  Run start(UUID holder, Kind kind, String given, String startedBy) {
    UUID id = UUID.randomUUID();
    String source = Json.storable(given);
    jdbc.sql(
            "INSERT INTO directory_import (organisation_id, id, kind, source, started_by) VALUES"
                + " (:holder, :id, :kind, :source, :by)")
        .param("holder", holder)
        .param("id", id)
        .param("kind", kind.name())
        .param("source", source)
        .param("by", startedBy)
        .update();
    String by = startedBy == null ? "import" : "import by " + startedBy;
    return new Run(id, kind, new WriteContext(holder, source, id, by + " (" + source + ")"));
  }

  /**
   * What the report says about a record the database refused: the rule it broke, never a stack
   * trace.
   */
  static String failureReason(RuntimeException e) {
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        String constraint = constraintName(sql);
        return switch (state) {
          case "23514" -> "A value breaks the rule " + constraint + "; nothing was written";
          case "23505" ->
              "It clashes with another record (" + constraint + "); nothing was written";
          case "23503" -> "It refers to a record that does not exist (" + constraint + ")";
          case "23502" -> "A required value is missing; nothing was written";
          case "22001" -> "A value is too long; nothing was written";
          default -> "The database refused it (SQL state " + state + "); nothing was written";
        };
      }
      cause = cause.getCause();
    }
    if (e instanceof DataAccessException) {
      return "The database refused it; nothing was written";
    }
    return "Could not import it: " + safeMessage(e) + "; nothing was written";
  }

  private static String constraintName(SQLException e) {
    if (e instanceof org.postgresql.util.PSQLException p
        && p.getServerErrorMessage() != null
        && p.getServerErrorMessage().getConstraint() != null) {
      return p.getServerErrorMessage().getConstraint();
    }
    return "of the directory";
  }

  /** Messages of our own mappers' exceptions are written for people; others are not shown. */
  static String safeMessage(RuntimeException e) {
    return e instanceof IllegalArgumentException && e.getMessage() != null
        ? e.getMessage()
        : "unexpected " + e.getClass().getSimpleName();
  }

  /**
   * At most {@code max} characters, and none that PostgreSQL text cannot hold (NUL): a report line
   * quotes the source, and must be storable whatever the source holds.
   */
  static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = Json.storable(s);
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}

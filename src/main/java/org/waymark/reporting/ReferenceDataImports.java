package org.waymark.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.internal.ImdImporter;
import org.waymark.reporting.internal.Loaded;
import org.waymark.reporting.internal.PracticePopulationImporter;
import org.waymark.reporting.internal.PracticePopulationImporter.Practice;
import org.waymark.reporting.internal.ReferenceFileException;

/**
 * The reference data the figures depend on, the same for every tenant: the English Indices of
 * Deprivation (each LSOA's IMD decile, IoD2019 or IoD2025, as CSV or XLSX) and NHS England's
 * monthly numbers of patients registered at each GP practice. An import stores the whole file or
 * nothing; every import, successful or not, is recorded (under the deployment organisation) with
 * what it read, stored and skipped, and audited as {@code REFERENCE_DATA_IMPORTED}. Afterwards the
 * figures that depend on it are marked changed, to be rebuilt by the next refresh. Who may import
 * is checked by the pages that call this ({@code MAINTAIN_REPORTING}).
 */
@Service
public class ReferenceDataImports {

  /** The organisation national reference data is recorded under: the deployment. */
  public static final UUID DEPLOYMENT = new UUID(0, 0);

  static final String AUDIT_ACTION = "REFERENCE_DATA_IMPORTED";
  static final String RECORD_TYPE = "report_reference_import";

  private static final Logger log = LoggerFactory.getLogger(ReferenceDataImports.class);

  /** The kinds of reference data. */
  public enum Kind {
    IMD("Indices of Deprivation"),
    PRACTICE_POPULATION("Practice populations");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How an import ended. */
  public enum Status {
    SUCCEEDED,
    FAILED
  }

  /**
   * One import as recorded. {@code fileName}, {@code importedBy} (null when the system imported)
   * and {@code message} may be null.
   */
  public record Import(
      UUID id,
      Kind kind,
      String fileName,
      UUID importedBy,
      Instant importedAt,
      int rowsRead,
      int rowsStored,
      int rowsSkipped,
      Status status,
      String message) {

    public boolean succeeded() {
      return status == Status.SUCCEEDED;
    }
  }

  /**
   * What reference data is held.
   *
   * @param imdRows the IMD deciles held per LSOA vintage (2011, 2021), both always present
   * @param postcodes the postcodes the directory holds
   * @param postcodesWithLsoa how many of them have an LSOA of 2011 or 2021
   * @param latestPopulationMonth the latest month with practice populations; null if none
   * @param practicesInLatestMonth how many practices have a figure for that month
   * @param practicesInPcns the GP practices in Waymark that belong to a PCN (have a tenant)
   * @param lastImd the latest IMD import, if any
   * @param lastPopulation the latest practice population import, if any
   */
  public record Overview(
      Map<String, Long> imdRows,
      long postcodes,
      long postcodesWithLsoa,
      LocalDate latestPopulationMonth,
      long practicesInLatestMonth,
      long practicesInPcns,
      Optional<Import> lastImd,
      Optional<Import> lastPopulation) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ImdImporter imd;
  private final PracticePopulationImporter populations;
  private final IdentityManagement identity;
  private final ReportingRefresh refresh;
  private final AccessPolicy access;
  private final AuditLog audit;
  private final long maxBytes;

  ReferenceDataImports(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      ImdImporter imd,
      PracticePopulationImporter populations,
      IdentityManagement identity,
      ReportingRefresh refresh,
      AccessPolicy access,
      AuditLog audit,
      @Value("${waymark.reporting.reference-max-megabytes:64}") long maxMegabytes) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.imd = imd;
    this.populations = populations;
    this.identity = identity;
    this.refresh = refresh;
    this.access = access;
    this.audit = audit;
    this.maxBytes = maxMegabytes * 1024 * 1024;
  }

  /** The largest file an import accepts, in bytes (64 MB unless configured). */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Imports an English Indices of Deprivation file, CSV or XLSX, replacing every decile of its LSOA
   * vintage; on success marks every tenant's figures changed. Never throws for a bad file: the
   * returned import says what was wrong.
   *
   * @param fileName the uploaded file's name, for the record; may be null
   */
  public Import importImd(String fileName, InputStream in) {
    return run(Kind.IMD, fileName, in, imd::load);
  }

  /**
   * Imports NHS England's Patients Registered at a GP Practice file, adding or replacing the
   * figures of the practices Waymark knows (by ODS code) for the month of the extract; on success
   * marks their PCNs' figures changed. Never throws for a bad file.
   *
   * @param fileName the uploaded file's name, for the record; may be null
   */
  public Import importPracticePopulation(String fileName, InputStream in) {
    Map<String, Practice> practices = new LinkedHashMap<>();
    for (Organisation o : identity.organisations(OrganisationType.GP_PRACTICE)) {
      if (o.odsCode() != null && o.parentId() != null) {
        practices.put(o.odsCode().toUpperCase(Locale.ROOT), new Practice(o.id(), o.parentId()));
      }
    }
    return run(Kind.PRACTICE_POPULATION, fileName, in, file -> populations.load(file, practices));
  }

  /** The latest imports, newest first. */
  public List<Import> recentImports(int limit) {
    return jdbc.sql(
            """
            SELECT * FROM report_reference_import WHERE organisation_id = :org
            ORDER BY imported_at DESC, id LIMIT :limit
            """)
        .param("org", DEPLOYMENT)
        .param("limit", limit)
        .query((rs, n) -> read(rs))
        .list();
  }

  /** What reference data is held now. */
  public Overview overview() {
    Map<String, Long> imdRows = new LinkedHashMap<>();
    imdRows.put("2011", 0L);
    imdRows.put("2021", 0L);
    jdbc.sql("SELECT lsoa_vintage, count(*) AS n FROM report_imd GROUP BY lsoa_vintage")
        .query((rs, n) -> imdRows.put(rs.getString("lsoa_vintage"), rs.getLong("n")))
        .list();
    long[] postcodes =
        jdbc.sql(
                """
                SELECT count(*) AS n,
                  count(*) FILTER (WHERE lsoa11 IS NOT NULL OR lsoa21 IS NOT NULL) AS with_lsoa
                FROM postcode_area_v
                """)
            .query((rs, n) -> new long[] {rs.getLong("n"), rs.getLong("with_lsoa")})
            .single();
    LocalDate latest =
        jdbc.sql("SELECT max(month) FROM report_practice_population")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    long practices =
        latest == null
            ? 0
            : jdbc.sql(
                    "SELECT count(DISTINCT practice_id) FROM report_practice_population"
                        + " WHERE month = :m")
                .param("m", latest)
                .query(Long.class)
                .single();
    long inPcns =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(o -> o.parentId() != null)
            .count();
    return new Overview(
        imdRows,
        postcodes[0],
        postcodes[1],
        latest,
        practices,
        inPcns,
        last(Kind.IMD),
        last(Kind.PRACTICE_POPULATION));
  }

  private Optional<Import> last(Kind kind) {
    return jdbc.sql(
            """
            SELECT * FROM report_reference_import WHERE organisation_id = :org AND kind = :kind
            ORDER BY imported_at DESC, id LIMIT 1
            """)
        .param("org", DEPLOYMENT)
        .param("kind", kind.name())
        .query((rs, n) -> read(rs))
        .optional();
  }

  private Import run(Kind kind, String fileName, InputStream in, Function<Path, Loaded> loader) {
    UUID id = UUID.randomUUID();
    String name = fileName(fileName);
    UUID by = access.currentUser().map(WaymarkUser::userId).orElse(null);
    Path temp = null;
    Loaded loaded = null;
    String failure;
    try {
      temp = Files.createTempFile("waymark-reference-", ".upload");
      copy(in, temp);
      Path file = temp;
      loaded =
          transactions.execute(
              status -> {
                Loaded l = loader.apply(file);
                record(
                    id,
                    kind,
                    name,
                    by,
                    l.read(),
                    l.stored(),
                    l.skipped(),
                    Status.SUCCEEDED,
                    l.message());
                return l;
              });
      failure = null;
    } catch (ReferenceFileException e) {
      failure = e.getMessage();
    } catch (IOException e) {
      failure = "The file could not be read";
    } catch (DataAccessException e) {
      log.warn("A {} import could not be stored", kind, e);
      failure = "The file's rows could not be stored";
    } catch (RuntimeException e) {
      // A workbook the reader cannot make sense of; the administrator needs no more than that.
      log.warn("A {} file could not be read", kind, e);
      failure = "The file could not be read as CSV or as an Excel workbook (.xlsx)";
    } finally {
      delete(temp);
    }
    if (failure != null) {
      String message = failure;
      transactions.executeWithoutResult(
          status -> record(id, kind, name, by, 0, 0, 0, Status.FAILED, message));
    }
    Import done = find(id);
    audit.record(
        AuditEntry.allowed(AUDIT_ACTION, RECORD_TYPE, id, null)
            .withDetail(kind.name() + " " + done.status().name()));
    if (loaded != null) {
      if (kind == Kind.IMD) {
        refresh.markAllChanged();
      } else {
        loaded.tenants().forEach(refresh::markChanged);
      }
    }
    return done;
  }

  private void copy(InputStream in, Path temp) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (OutputStream out = Files.newOutputStream(temp)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new ReferenceFileException(
              "The file is larger than " + maxBytes / (1024 * 1024) + " MB");
        }
        out.write(buffer, 0, n);
      }
    }
    if (total == 0) {
      throw new ReferenceFileException("The file is empty");
    }
  }

  private void record(
      UUID id,
      Kind kind,
      String fileName,
      UUID by,
      int read,
      int stored,
      int skipped,
      Status status,
      String message) {
    jdbc.sql(
            """
            INSERT INTO report_reference_import (organisation_id, id, kind, file_name, imported_by,
              rows_read, rows_stored, rows_skipped, status, message)
            VALUES (:org, :id, :kind, :file, :by, :read, :stored, :skipped, :status, :message)
            """)
        .param("org", DEPLOYMENT)
        .param("id", id)
        .param("kind", kind.name())
        .param("file", fileName)
        .param("by", by)
        .param("read", read)
        .param("stored", stored)
        .param("skipped", skipped)
        .param("status", status.name())
        // A message may quote the file, and PostgreSQL text cannot hold a NUL.
        .param("message", message == null ? null : message.replace("\u0000", ""))
        .update();
  }

  private Import find(UUID id) {
    return jdbc.sql(
            "SELECT * FROM report_reference_import WHERE organisation_id = :org AND id = :id")
        .param("org", DEPLOYMENT)
        .param("id", id)
        .query((rs, n) -> read(rs))
        .single();
  }

  private static Import read(ResultSet rs) throws SQLException {
    return new Import(
        rs.getObject("id", UUID.class),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        rs.getObject("imported_by", UUID.class),
        rs.getTimestamp("imported_at").toInstant(),
        rs.getInt("rows_read"),
        rs.getInt("rows_stored"),
        rs.getInt("rows_skipped"),
        Status.valueOf(rs.getString("status")),
        rs.getString("message"));
  }

  /**
   * The file's own name, without any folder a browser sent or control characters (PostgreSQL text
   * cannot hold a NUL), at most 200 characters; or null.
   */
  static String fileName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.replace('\\', '/').replaceAll("\\p{Cntrl}", "");
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    if (n.isEmpty()) {
      return null;
    }
    return n.length() > 200 ? n.substring(0, 200) : n;
  }

  private static void delete(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      temp.toFile().deleteOnExit();
    }
  }
}

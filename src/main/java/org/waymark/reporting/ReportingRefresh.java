package org.waymark.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.reporting.internal.SummaryBuilder;

/**
 * Keeps the reporting summaries current (ADR 19). A change in a tenant (a referral, case, contact,
 * onward referral or score) marks the tenant changed; {@link #refreshChanged()}, run every minute
 * by the job scheduler, rebuilds each changed tenant's summaries in one transaction; {@link
 * #refreshAll()} rebuilds every tenant's at once (nightly, and when an administrator asks). A
 * tenant's figures are as fresh as the start of its last rebuild, which the dashboards show.
 */
@Service
public class ReportingRefresh {

  private static final Logger log = LoggerFactory.getLogger(ReportingRefresh.class);

  private final JdbcClient jdbc;
  private final SummaryBuilder builder;
  private final TransactionTemplate transactions;

  ReportingRefresh(
      JdbcClient jdbc, SummaryBuilder builder, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.builder = builder;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** What a rebuild did. */
  public record Result(int tenants, int referrals, Duration took) {}

  /**
   * Notes that a tenant's data changed, in the caller's transaction (so the note commits, or rolls
   * back, with the change). It only ever adds a row, and only when the tenant has none waiting, so
   * concurrent writers never wait on each other for it and it needs no connection of its own.
   */
  public void markChanged(UUID organisationId) {
    jdbc.sql(
            """
            INSERT INTO report_change (organisation_id)
            SELECT :org WHERE NOT EXISTS (SELECT 1 FROM report_change WHERE organisation_id = :org)
            """)
        .param("org", organisationId)
        .update();
  }

  /**
   * Marks every tenant's figures changed, in a transaction of its own: every tenant that has
   * figures or referrals. Used after reference data every tenant's figures depend on (the
   * deprivation deciles) is replaced; the next run of {@link #refreshChanged()} rebuilds them.
   *
   * @return the number of tenants marked
   */
  public int markAllChanged() {
    Integer marked =
        transactions.execute(
            status -> {
              List<UUID> tenants = builder.tenants();
              jdbc.sql(
                      "INSERT INTO report_change (organisation_id)"
                          + " SELECT t FROM unnest(CAST(:tenants AS uuid[])) t")
                  .param("tenants", tenants.toArray(UUID[]::new))
                  .update();
              return tenants.size();
            });
    return marked == null ? 0 : marked;
  }

  /** Rebuilds the summaries of every tenant changed since its last rebuild, one by one. */
  public Result refreshChanged() {
    long start = System.nanoTime();
    List<UUID> changed =
        jdbc.sql(
                """
                SELECT organisation_id FROM report_change
                GROUP BY organisation_id ORDER BY min(since)
                """)
            .query(UUID.class)
            .list();
    int referrals = 0;
    for (UUID org : changed) {
      referrals += refresh(org);
    }
    return new Result(changed.size(), referrals, Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Rebuilds one tenant's summaries now.
   *
   * @return the number of referrals summarised
   */
  public int refresh(UUID organisationId) {
    long start = System.nanoTime();
    // Claimed first, in a transaction of its own: a change committed from here on marks the tenant
    // again, and the rebuild, whose snapshot starts after the claim, sees every change before it.
    transactions.executeWithoutResult(
        status ->
            jdbc.sql("DELETE FROM report_change WHERE organisation_id = :org")
                .param("org", organisationId)
                .update());
    Integer referrals;
    try {
      referrals = rebuild(organisationId, start);
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(status -> markChanged(organisationId));
      throw e;
    }
    return referrals == null ? 0 : referrals;
  }

  private Integer rebuild(UUID organisationId, long start) {
    return transactions.execute(
        status -> {
          // Locks the tenant's row so two instances never rebuild the same tenant at once.
          jdbc.sql(
                  """
                      INSERT INTO report_refresh (organisation_id) VALUES (:org)
                      ON CONFLICT (organisation_id) DO NOTHING
                      """)
              .param("org", organisationId)
              .update();
          jdbc.sql("SELECT 1 FROM report_refresh WHERE organisation_id = :org FOR UPDATE")
              .param("org", organisationId)
              .query()
              .singleRow();
          int n = builder.rebuild(organisationId);
          stamp(List.of(organisationId), start);
          return n;
        });
  }

  /** Rebuilds every tenant's summaries in one transaction. */
  public Result refreshAll() {
    long start = System.nanoTime();
    List<UUID> claimed =
        transactions.execute(
            status ->
                jdbc.sql("DELETE FROM report_change RETURNING organisation_id")
                    .query(UUID.class)
                    .list());
    Result result;
    try {
      result = rebuildAll(start);
    } catch (RuntimeException e) {
      transactions.executeWithoutResult(
          status -> claimed.stream().distinct().forEach(this::markChanged));
      throw e;
    }
    // Outside any transaction: brings the planner's statistics and the visibility map up to date
    // at once, so the VCS page's index-only scans work from the first request after a rebuild.
    jdbc.sql("VACUUM (ANALYZE) " + String.join(", ", SummaryBuilder.TABLES)).update();
    log.info(
        "Reporting summaries rebuilt for {} tenants ({} referrals) in {} ms",
        result.tenants(),
        result.referrals(),
        result.took().toMillis());
    return result;
  }

  private Result rebuildAll(long start) {
    return transactions.execute(
        status -> {
          jdbc.sql("LOCK TABLE report_refresh IN EXCLUSIVE MODE").update();
          int referrals = builder.rebuildAll();
          List<UUID> tenants = builder.tenants();
          stamp(tenants, start);
          return new Result(tenants.size(), referrals, Duration.ofNanos(System.nanoTime() - start));
        });
  }

  /**
   * How fresh the figures of some tenants are: the oldest of their last rebuilds, or empty if any
   * has never been rebuilt while it has data.
   */
  public Optional<Instant> freshness(Collection<UUID> organisationIds) {
    if (organisationIds.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        jdbc.sql(
                """
                SELECT min(refreshed_at) FROM report_refresh
                WHERE organisation_id IN (:orgs) AND refreshed_at IS NOT NULL
                """)
            .param("orgs", organisationIds)
            .query(java.sql.Timestamp.class)
            .optional()
            .map(java.sql.Timestamp::toInstant)
            .orElse(null));
  }

  /** Whether any of these tenants has changes not yet in its figures. */
  public boolean pending(Collection<UUID> organisationIds) {
    if (organisationIds.isEmpty()) {
      return false;
    }
    return jdbc.sql(
                """
            SELECT count(*) FROM report_change WHERE organisation_id IN (:orgs)
            """)
            .param("orgs", organisationIds)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * How current the figures are across the deployment, for the administrator's page.
   *
   * @param tenants the tenants whose figures have been rebuilt or marked changed
   * @param outOfDate how many of them have changes not yet in their figures
   * @param lastRebuilt when the latest rebuild of any tenant started; null if none ever was
   */
  public record Overview(int tenants, int outOfDate, Instant lastRebuilt) {}

  /** How many tenants' figures are out of date, and when figures were last rebuilt. */
  public Overview overview() {
    return jdbc.sql(
            """
            SELECT
              (SELECT count(*) FROM (SELECT organisation_id FROM report_refresh
                 UNION SELECT organisation_id FROM report_change) t) AS tenants,
              (SELECT count(DISTINCT organisation_id) FROM report_change) AS out_of_date,
              (SELECT max(refreshed_at) FROM report_refresh) AS last_rebuilt
            """)
        .query(
            (rs, n) -> {
              java.sql.Timestamp last = rs.getTimestamp("last_rebuilt");
              return new Overview(
                  rs.getInt("tenants"),
                  rs.getInt("out_of_date"),
                  last == null ? null : last.toInstant());
            })
        .single();
  }

  private void stamp(List<UUID> tenants, long startNanos) {
    int ms = (int) Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    jdbc.sql(
            """
            INSERT INTO report_refresh (organisation_id, refreshed_at, duration_ms)
            SELECT t, now(), :ms FROM unnest(CAST(:tenants AS uuid[])) t
            ON CONFLICT (organisation_id) DO UPDATE
              SET refreshed_at = now(), duration_ms = :ms
            """)
        .param("tenants", tenants.toArray(UUID[]::new))
        .param("ms", ms)
        .update();
  }
}

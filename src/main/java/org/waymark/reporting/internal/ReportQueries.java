package org.waymark.reporting.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.reporting.ReportFilters;

/**
 * The dashboards' statements, over the reporting summaries only. Each narrows its table to a scope
 * (the tenants a dashboard covers, or the VCS organisation holding the services) and the filters,
 * then groups; nothing here sees a person.
 */
@Component
public class ReportQueries {

  private final JdbcClient jdbc;

  ReportQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a dashboard covers: some tenants, or every tenant's referrals to one VCS organisation. */
  public record Scope(List<UUID> tenants, UUID holder) {

    public static Scope tenants(List<UUID> tenants) {
      return new Scope(List.copyOf(tenants), null);
    }

    public static Scope holder(UUID holder) {
      return new Scope(List.of(), holder);
    }

    boolean isEmpty() {
      return holder == null && tenants.isEmpty();
    }
  }

  /** A where clause with its parameters. */
  record Where(String sql, Map<String, Object> params) {}

  /**
   * The where clause for a summary table.
   *
   * @param dateColumn the column the date range applies to, or null for no date range
   */
  Where where(Scope scope, ReportFilters f, String dateColumn) {
    List<String> parts = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    if (scope.holder() != null) {
      parts.add("service_holder_id = :holder");
      params.put("holder", scope.holder());
    } else {
      parts.add("organisation_id IN (:tenants)");
      params.put("tenants", scope.tenants());
    }
    if (dateColumn != null && f.from() != null) {
      parts.add(dateColumn + " >= :from");
      params.put("from", Date.valueOf(f.from()));
    }
    if (dateColumn != null && f.to() != null) {
      parts.add(dateColumn + " <= :to");
      params.put("to", Date.valueOf(f.to()));
    }
    if (f.pcn() != null) {
      parts.add("organisation_id = :pcn");
      params.put("pcn", f.pcn());
    }
    if (f.practice() != null) {
      parts.add("practice_id = :practice");
      params.put("practice", f.practice());
    }
    if (f.linkWorker() != null) {
      parts.add("link_worker_id = :linkWorker");
      params.put("linkWorker", f.linkWorker());
    }
    if (f.need() != null) {
      parts.add("needs @> ARRAY[CAST(:need AS text)]");
      params.put("need", f.need());
    }
    if (f.service() != null) {
      parts.add("service_id = :service");
      params.put("service", f.service());
    }
    return new Where(String.join(" AND ", parts), params);
  }

  /** Rows of a grouping statement over one table; {@code %s} in the SQL is the where clause. */
  public List<Map<String, Object>> rows(
      String sql, Scope scope, ReportFilters filters, String dateColumn) {
    return rows(sql, scope, filters, dateColumn, Map.of());
  }

  /** As {@link #rows(String, Scope, ReportFilters, String)}, with more parameters. */
  public List<Map<String, Object>> rows(
      String sql,
      Scope scope,
      ReportFilters filters,
      String dateColumn,
      Map<String, Object> extra) {
    if (scope.isEmpty()) {
      return List.of();
    }
    Where w = where(scope, filters, dateColumn);
    JdbcClient.StatementSpec spec = jdbc.sql(sql.replace("%s", w.sql()));
    for (Map.Entry<String, Object> p : w.params().entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    for (Map.Entry<String, Object> p : extra.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    return spec.query().listOfRows();
  }

  /** Registered patients per practice and month, for the national indicator. */
  public List<Map<String, Object>> populations(List<UUID> tenants, LocalDate from, LocalDate to) {
    if (tenants.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT practice_id, month, registered FROM report_practice_population
            WHERE organisation_id IN (:tenants) AND month <= :to
              AND month >= CAST(:from AS date) - interval '12 months'
            ORDER BY practice_id, month
            """)
        .param("tenants", tenants)
        .param("from", Date.valueOf(from))
        .param("to", Date.valueOf(to))
        .query()
        .listOfRows();
  }

  /** The practices, link workers and services that appear in a scope's figures, for filters. */
  public List<UUID> distinct(String column, String table, Scope scope) {
    if (scope.isEmpty()) {
      return List.of();
    }
    Where w = where(scope, new ReportFilters(null, null, null, null, null, null, null), null);
    JdbcClient.StatementSpec spec =
        jdbc.sql(
            "SELECT DISTINCT "
                + column
                + " FROM "
                + table
                + " WHERE "
                + w.sql()
                + " AND "
                + column
                + " IS NOT NULL");
    for (Map.Entry<String, Object> p : w.params().entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    return spec.query(UUID.class).list();
  }
}

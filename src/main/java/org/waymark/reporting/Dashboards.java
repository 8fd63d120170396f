package org.waymark.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.reporting.Dashboard.Choice;
import org.waymark.reporting.Dashboard.Options;
import org.waymark.reporting.internal.FigureBuilder;
import org.waymark.reporting.internal.ReportQueries.Scope;
import org.waymark.reporting.internal.Tables;
import org.waymark.shared.SmallNumbers;

/**
 * The dashboards. Each is for the organisation the user acts for: a PCN's own service (link workers
 * and managers, true counts), the PCNs a commissioner commissions (aggregates with small numbers
 * suppressed), or the referrals to a VCS organisation's services. A filter naming a PCN, practice,
 * link worker or service outside the dashboard's scope is ignored, never followed. Every export is
 * audited; a refusal is audited by the access policy.
 */
@Service
public class Dashboards {

  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final AccessPolicy access;
  private final IdentityManagement identity;
  private final CodeLists codes;
  private final Commissioning commissioning;
  private final ReportingRefresh refresh;
  private final FigureBuilder figures;
  private final AuditLog audit;
  private final JdbcClient jdbc;
  private final SmallNumbers numbers;
  private final Clock clock;

  Dashboards(
      AccessPolicy access,
      IdentityManagement identity,
      CodeLists codes,
      Commissioning commissioning,
      ReportingRefresh refresh,
      FigureBuilder figures,
      AuditLog audit,
      JdbcClient jdbc,
      @Value(
              "${waymark.reporting.suppression-threshold:${waymark.research.suppression-threshold:7}}")
          int threshold) {
    this.access = access;
    this.identity = identity;
    this.codes = codes;
    this.commissioning = commissioning;
    this.refresh = refresh;
    this.figures = figures;
    this.audit = audit;
    this.jdbc = jdbc;
    this.numbers = new SmallNumbers(threshold);
    this.clock = Clock.system(UK);
  }

  /** Today in the UK, the default end of a dashboard's dates. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * One page of a dashboard for the organisation the user acts for.
   *
   * @throws org.springframework.security.access.AccessDeniedException if the user's role may not
   *     see this audience's dashboards (audited)
   */
  @Transactional(readOnly = true)
  public Dashboard page(Audience audience, Section section, ReportFilters requested) {
    Context c = context(audience, requested);
    Section s = audience == Audience.VCS ? Section.VCS : section;
    if (audience != Audience.VCS && s == Section.VCS) {
      s = Section.REFERRALS;
    }
    List<Figure> built =
        figures.figures(
            s, audience, c.scope, c.filters, new Tables(numbers, audience.suppressed()), today());
    return new Dashboard(
        audience,
        s,
        c.name,
        c.filters,
        built,
        c.freshness.isEmpty() ? null : refresh.freshness(c.freshness).orElse(null),
        refresh.pending(c.freshness),
        audience.suppressed() ? numbers.threshold() : 0,
        c.options);
  }

  /**
   * One table of a dashboard page, as published, for download; audited with what was asked for.
   *
   * @return empty if the page has no such table
   */
  @Transactional
  public java.util.Optional<Figure> export(
      Audience audience, Section section, String key, ReportFilters requested, String format) {
    Dashboard d = page(audience, section, requested);
    java.util.Optional<Figure> figure = d.figure(key);
    figure.ifPresent(
        f ->
            audit.record(
                AuditEntry.allowed(
                        "REPORT_EXPORTED",
                        "organisation",
                        access.currentUser().map(WaymarkUser::organisationId).orElse(null),
                        null)
                    .withDetail(
                        audience.path()
                            + " "
                            + key
                            + " "
                            + format
                            + " from "
                            + d.filters().from()
                            + " to "
                            + d.filters().to()
                            + filterText(d.filters()))));
    return figure;
  }

  private static String filterText(ReportFilters f) {
    StringBuilder s = new StringBuilder();
    if (f.pcn() != null) {
      s.append(" pcn=").append(f.pcn());
    }
    if (f.practice() != null) {
      s.append(" practice=").append(f.practice());
    }
    if (f.linkWorker() != null) {
      s.append(" linkWorker=").append(f.linkWorker());
    }
    if (f.need() != null) {
      s.append(" need=").append(f.need());
    }
    if (f.service() != null) {
      s.append(" service=").append(f.service());
    }
    return s.toString();
  }

  /** What a dashboard covers, worked out from the acting organisation and the filters. */
  private record Context(
      Scope scope, String name, ReportFilters filters, List<UUID> freshness, Options options) {}

  private Context context(Audience audience, ReportFilters requested) {
    UUID org = access.currentUser().map(WaymarkUser::organisationId).orElse(null);
    Permission permission =
        switch (audience) {
          case SERVICE -> Permission.VIEW_SERVICE_REPORTS;
          case COMMISSIONER -> Permission.VIEW_COMMISSIONER_REPORTS;
          case VCS -> Permission.VIEW_VCS_REPORTS;
        };
    access.require(permission, org, "report", audience.path(), null);
    Organisation acting = identity.organisation(org).orElseThrow();
    LocalDate today = today();
    LocalDate to = requested.to() == null || requested.to().isAfter(today) ? today : requested.to();
    LocalDate from =
        requested.from() == null ? to.withDayOfMonth(1).minusMonths(11) : requested.from();
    if (from.isAfter(to)) {
      from = to.withDayOfMonth(1);
    }
    if (from.isBefore(to.minusYears(5))) {
      from = to.minusYears(5).withDayOfMonth(1);
    }
    List<Choice> needs =
        codes.all(CodeList.NEED).stream().map(e -> new Choice(e.code(), e.label())).toList();
    String need =
        needs.stream().anyMatch(n -> n.value().equals(requested.need())) ? requested.need() : null;
    return switch (audience) {
      case SERVICE -> {
        List<Organisation> practices = identity.memberPractices(org);
        UUID practice = within(requested.practice(), ids(practices));
        List<Choice> linkWorkers = new ArrayList<>();
        Set<UUID> seen = new java.util.HashSet<>();
        for (Role role : List.of(Role.LINK_WORKER, Role.SERVICE_MANAGER)) {
          identity.usersWithRole(org, role).stream()
              .filter(u -> role == Role.LINK_WORKER || holdsCases(org, u.id()))
              .filter(u -> seen.add(u.id()))
              .forEach(u -> linkWorkers.add(Choice.of(u.id(), u.displayName())));
        }
        linkWorkers.sort(Comparator.comparing(Choice::label));
        UUID linkWorker = within(requested.linkWorker(), seen);
        yield new Context(
            Scope.tenants(List.of(org)),
            acting.name(),
            new ReportFilters(from, to, null, practice, linkWorker, need, null),
            List.of(org),
            new Options(List.of(), choices(practices), linkWorkers, needs, List.of()));
      }
      case COMMISSIONER -> {
        List<Organisation> pcns =
            commissioning.pcnsOf(org).stream()
                .map(identity::organisation)
                .flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Organisation::name))
                .toList();
        UUID pcn = within(requested.pcn(), ids(pcns));
        List<Organisation> practices =
            (pcn == null ? pcns : pcns.stream().filter(p -> p.id().equals(pcn)).toList())
                .stream()
                    .flatMap(p -> identity.memberPractices(p.id()).stream())
                    .sorted(Comparator.comparing(Organisation::name))
                    .toList();
        UUID practice = within(requested.practice(), ids(practices));
        List<UUID> tenants = pcn == null ? ids(pcns).stream().toList() : List.of(pcn);
        yield new Context(
            Scope.tenants(tenants),
            acting.name()
                + (pcns.isEmpty()
                    ? ""
                    : ": " + pcns.size() + (pcns.size() == 1 ? " PCN" : " PCNs")),
            new ReportFilters(from, to, pcn, practice, null, need, null),
            tenants,
            new Options(choices(pcns), choices(practices), List.of(), needs, List.of()));
      }
      case VCS -> {
        List<Choice> services =
            jdbc.sql(
                    """
                    SELECT service_id, min(service_name) AS name FROM report_connection
                    WHERE service_holder_id = :holder GROUP BY 1 ORDER BY 2
                    """)
                .param("holder", org)
                .query((rs, n) -> Choice.of(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        UUID service =
            within(
                requested.service(),
                services.stream().map(s -> UUID.fromString(s.value())).collect(Collectors.toSet()));
        List<UUID> tenants =
            jdbc.sql(
                    "SELECT DISTINCT organisation_id FROM report_connection WHERE service_holder_id = :holder")
                .param("holder", org)
                .query(UUID.class)
                .list();
        yield new Context(
            Scope.holder(org),
            acting.name(),
            new ReportFilters(from, to, null, null, null, need, service),
            tenants,
            new Options(List.of(), List.of(), List.of(), needs, services));
      }
    };
  }

  private boolean holdsCases(UUID org, UUID user) {
    return jdbc.sql(
                "SELECT count(*) FROM report_referral WHERE organisation_id = :org AND link_worker_id = :u")
            .param("org", org)
            .param("u", user)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Set<UUID> ids(List<Organisation> orgs) {
    return orgs.stream()
        .map(Organisation::id)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static List<Choice> choices(List<Organisation> orgs) {
    return orgs.stream().map(o -> Choice.of(o.id(), o.name())).toList();
  }

  private static UUID within(UUID requested, Set<UUID> allowed) {
    return requested != null && allowed.contains(requested) ? requested : null;
  }

  /** The dates of a dashboard in words, for headings. */
  public static String period(ReportFilters f) {
    java.time.format.DateTimeFormatter d =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    return f.from().format(d) + " to " + f.to().format(d);
  }
}

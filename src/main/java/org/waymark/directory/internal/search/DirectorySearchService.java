package org.waymark.directory.internal.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectoryLocation;
import org.waymark.directory.DirectoryOrganization;
import org.waymark.directory.DirectoryPage;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.DistanceUnit;
import org.waymark.directory.LocationSearch;
import org.waymark.directory.MatchReason;
import org.waymark.directory.MatchReason.Kind;
import org.waymark.directory.OrganizationSearch;
import org.waymark.directory.ServiceDetails;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearch;
import org.waymark.directory.ServiceSearchResult;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.Postcode;

/**
 * Answers directory searches with one statement each (see {@link SearchSqlBuilder}), after
 * resolving the postcode to coordinates and 'open now' to a moment in UK time. Reads across every
 * holder: the directory is published information (ADR 8).
 */
@Service
public class DirectorySearchService implements DirectorySearch {

  /** Opening times are local to the services, all in the UK, whatever the server's zone. */
  static final ZoneId UK = ZoneId.of("Europe/London");

  private static final double MAX_DISTANCE = 200;

  /**
   * How alike the spelling of the query and of a name or term must be (pg_trgm word similarity).
   * pg_trgm's default, 0.6, misses a single transposition such as 'befreinding' (0.5).
   */
  static final String SPELLING_THRESHOLD = "0.5";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ListingReader listings;
  private final DirectoryRecordReader records;

  /**
   * @param clock the time 'open now' and 'verified recently' are judged at; the system clock when
   *     empty
   */
  public DirectorySearchService(
      JdbcClient jdbc, PlatformTransactionManager transactions, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactions);
    this.transactions.setReadOnly(true);
    this.clock = clock.orElse(Clock.systemUTC());
    this.listings = new ListingReader(jdbc, this.clock);
    this.records = new DirectoryRecordReader(jdbc);
  }

  @Override
  public ServiceSearchResult search(ServiceSearch search) {
    SearchSqlBuilder.Criteria criteria = criteria(search);
    List<Row> rows = run(criteria);
    long total = rows.isEmpty() ? count(search, criteria) : rows.get(0).total();
    boolean totalIsAtLeast = criteria.text() != null && total > SearchSqlBuilder.TEXT_TOTAL_CAP;
    if (totalIsAtLeast) {
      total = SearchSqlBuilder.TEXT_TOTAL_CAP;
    }
    DistanceUnit unit = search.unit();
    List<ServiceMatch> services =
        rows.stream().map(r -> r.match(reasons(r, search, unit, false))).toList();
    if (totalIsAtLeast) {
      // Candidates past the cap are not in relevance order; the pages stop at the cap.
      services =
          services.subList(
              0, (int) Math.max(0, Math.min(services.size(), total - criteria.offset())));
    }
    return new ServiceSearchResult(
        services, search.page(), search.size(), total, search.effectiveSort(), totalIsAtLeast);
  }

  @Override
  public Optional<ServiceDetails> service(UUID id) {
    return listings.read(id);
  }

  @Override
  public Optional<DirectoryOrganization> organization(UUID id) {
    return records.organization(id);
  }

  @Override
  public DirectoryPage<DirectoryOrganization> organizations(OrganizationSearch search) {
    return records.organizations(search);
  }

  @Override
  public Optional<DirectoryLocation> location(UUID id) {
    return records.location(id);
  }

  @Override
  public DirectoryPage<DirectoryLocation> locations(LocationSearch search) {
    return records.locations(search);
  }

  @Override
  public List<ServiceMatch> suggestionsFor(
      Set<NeedDomain> needs, String postcode, Integer age, int limit) {
    if (needs == null || needs.isEmpty()) {
      return List.of();
    }
    ServiceSearch search =
        ServiceSearch.everything()
            .withNeeds(needs)
            .near(postcode, null, DistanceUnit.MILES)
            .forAge(age)
            .page(0, limit);
    SearchSqlBuilder.Criteria base = criteria(search);
    SearchSqlBuilder.Criteria criteria =
        new SearchSqlBuilder.Criteria(
            null,
            base.needs(),
            null,
            base.origin(),
            null,
            base.age(),
            false,
            false,
            null,
            true,
            Math.max(1, Math.min(limit, 100)),
            0);
    return run(criteria).stream()
        .map(r -> r.match(reasons(r, search, DistanceUnit.MILES, true)))
        .toList();
  }

  /**
   * The statement {@link #search} runs for this search, to time the bare SQL beside the whole call
   * (the benchmark does).
   *
   * @throws DirectorySearchException as {@link #search} does
   */
  public SearchSqlBuilder.Statement statementFor(ServiceSearch search) {
    return SearchSqlBuilder.build(criteria(search));
  }

  /** The search with its postcode resolved and its opening moment fixed; refuses what cannot be. */
  SearchSqlBuilder.Criteria criteria(ServiceSearch s) {
    List<DirectorySearchException.Problem> problems = new ArrayList<>();
    if (s.distance() != null && s.postcode() == null) {
      problems.add(problem("postcode", "directory.search.postcode.neededForDistance"));
    }
    if (s.distance() != null && (s.distance() <= 0 || s.distance() > MAX_DISTANCE)) {
      problems.add(problem("distance", "directory.search.distance.range"));
    }
    if (s.age() != null && (s.age() < 0 || s.age() > 130)) {
      problems.add(problem("age", "directory.search.age.range"));
    }
    if (s.openTime() != null && s.openDay() == null) {
      problems.add(problem("day", "directory.search.day.neededForTime"));
    }
    if (s.openNow() && s.openDay() != null) {
      problems.add(problem("day", "directory.search.day.withOpenNow"));
    }
    if (s.effectiveSort() == ServiceSearch.Sort.DISTANCE && s.postcode() == null) {
      problems.add(problem("sort", "directory.search.sort.distanceNeedsPostcode"));
    }
    SearchSqlBuilder.Origin origin = null;
    if (s.postcode() != null) {
      if (!Postcode.isValid(s.postcode())) {
        problems.add(problem("postcode", "directory.search.postcode.invalid"));
      } else if (problems.isEmpty()) {
        origin = origin(Postcode.normalise(s.postcode()), s.radiusKilometres());
      }
    }
    if (!problems.isEmpty()) {
      throw new DirectorySearchException(problems);
    }
    return new SearchSqlBuilder.Criteria(
        s.text(),
        s.needs().stream().sorted().toList(),
        s.taxonomyTermId(),
        origin,
        openAt(s),
        s.age(),
        s.freeOnly(),
        s.acceptingOnly(),
        s.effectiveSort(),
        false,
        s.size(),
        (long) s.page() * s.size());
  }

  private SearchSqlBuilder.Origin origin(String postcode, double radiusKm) {
    Optional<double[]> at =
        jdbc.sql("SELECT latitude, longitude FROM postcode_location WHERE postcode = ?")
            .param(postcode)
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .optional();
    if (at.isEmpty()) {
      boolean loaded =
          jdbc.sql("SELECT EXISTS (SELECT 1 FROM postcode_location)").query(Boolean.class).single();
      throw new DirectorySearchException(
          "postcode",
          loaded ? "directory.search.postcode.unknown" : "directory.search.postcode.noData");
    }
    return new SearchSqlBuilder.Origin(at.get()[0], at.get()[1], radiusKm);
  }

  private SearchSqlBuilder.OpenAt openAt(ServiceSearch s) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(UK));
    if (s.openNow()) {
      return new SearchSqlBuilder.OpenAt(
          now.toLocalDate(), now.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
    }
    if (s.openDay() != null) {
      LocalDate day = now.toLocalDate().with(TemporalAdjusters.nextOrSame(s.openDay()));
      return new SearchSqlBuilder.OpenAt(day, s.openTime());
    }
    return null;
  }

  private static DirectorySearchException.Problem problem(String field, String key) {
    return new DirectorySearchException.Problem(field, key);
  }

  private List<Row> run(SearchSqlBuilder.Criteria criteria) {
    SearchSqlBuilder.Statement statement = SearchSqlBuilder.build(criteria);
    if (criteria.text() == null) {
      return jdbc.sql(statement.sql()).params(statement.params()).query(Row::of).list();
    }
    // The threshold is a setting, not an argument, so that the trigram index can answer "<%".
    // A serial plan takes the candidates in the same order on every page of the same search.
    return transactions.execute(
        tx -> {
          jdbc.sql(
                  "SELECT set_config('pg_trgm.word_similarity_threshold', ?, true),"
                      + " set_config('max_parallel_workers_per_gather', '0', true)")
              .param(SPELLING_THRESHOLD)
              .query((rs, n) -> rs.getString(1))
              .single();
          return jdbc.sql(statement.sql()).params(statement.params()).query(Row::of).list();
        });
  }

  /** A page past the last one is empty but still says how many there are. */
  private long count(ServiceSearch search, SearchSqlBuilder.Criteria criteria) {
    if (search.page() == 0) {
      return 0;
    }
    SearchSqlBuilder.Criteria first =
        new SearchSqlBuilder.Criteria(
            criteria.text(),
            criteria.needs(),
            criteria.taxonomyTermId(),
            criteria.origin(),
            criteria.openAt(),
            criteria.age(),
            criteria.freeOnly(),
            criteria.acceptingOnly(),
            criteria.sort(),
            false,
            1,
            0);
    List<Row> rows = run(first);
    return rows.isEmpty() ? 0 : rows.get(0).total();
  }

  /** Why the service matched, one reason per criterion given, in {@link Kind} order. */
  private List<MatchReason> reasons(Row r, ServiceSearch s, DistanceUnit unit, boolean suggestion) {
    List<MatchReason> reasons = new ArrayList<>();
    if (s.text() != null) {
      reasons.add(
          new MatchReason(
              Kind.TEXT, (r.textMatch() ? "matches \"" : "spelt like \"") + s.text() + "\""));
    }
    if (r.needs() != null) {
      for (String need : r.needs().split(",")) {
        String[] parts = need.split(":");
        NeedDomain domain = NeedDomain.valueOf(parts[0]);
        String label = domain.label().toLowerCase(Locale.UK);
        reasons.add(
            new MatchReason(
                Kind.NEED,
                "need: " + label + ("SUGGESTED".equals(parts[1]) ? " (suggested)" : "")));
      }
    }
    if (r.terms() != null) {
      for (String term : r.terms().split("\\|")) {
        reasons.add(new MatchReason(Kind.TAXONOMY, "term: " + term));
      }
    }
    if (r.distanceKm() != null) {
      reasons.add(new MatchReason(Kind.DISTANCE, distance(r.distanceKm(), unit)));
    }
    if (s.freeOnly()) {
      reasons.add(new MatchReason(Kind.FREE, "free"));
    }
    if (s.openNow() || s.openDay() != null) {
      reasons.add(new MatchReason(Kind.OPEN, open(s, r.openHours())));
    }
    if (s.age() != null) {
      reasons.add(new MatchReason(Kind.AGE, ages(r.minimumAge(), r.maximumAge())));
    }
    if ((s.acceptingOnly() || suggestion) && r.accepting() == AcceptingReferrals.YES) {
      reasons.add(new MatchReason(Kind.ACCEPTING, "accepting referrals"));
    }
    return reasons;
  }

  /** '1.2 km', '0.8 miles', '12 km'. */
  static String distance(double km, DistanceUnit unit) {
    double v = unit.fromKilometres(km);
    String amount =
        v >= 10 ? String.format(Locale.UK, "%.0f", v) : String.format(Locale.UK, "%.1f", v);
    return amount + " " + (unit == DistanceUnit.KILOMETRES ? "km" : "miles");
  }

  private String open(ServiceSearch s, String hours) {
    String day =
        OpeningTimes.shortDay(
            s.openNow() ? ZonedDateTime.now(clock.withZone(UK)).getDayOfWeek() : s.openDay());
    return hours == null ? "open " + day : "open " + day + " " + hours.replace('-', '–');
  }

  private static String ages(Integer min, Integer max) {
    if ((min == null || min == 0) && max == null) {
      return "all ages";
    }
    if (min == null || min == 0) {
      return "ages up to " + max;
    }
    return max == null ? "ages " + min + "+" : "ages " + min + "–" + max;
  }

  /** One row of the statement's answer. */
  record Row(
      UUID organisationId,
      UUID id,
      Double distanceKm,
      boolean textMatch,
      long total,
      String name,
      String status,
      AcceptingReferrals accepting,
      Integer minimumAge,
      Integer maximumAge,
      String organisationName,
      String needs,
      String terms,
      String openHours) {

    static Row of(ResultSet rs, int n) throws SQLException {
      return new Row(
          rs.getObject("organisation_id", UUID.class),
          rs.getObject("id", UUID.class),
          rs.getObject("distance_km", Double.class),
          rs.getBoolean("text_match"),
          rs.getLong("total"),
          rs.getString("name"),
          rs.getString("status"),
          AcceptingReferrals.valueOf(rs.getString("accepting_referrals")),
          rs.getObject("minimum_age", Integer.class),
          rs.getObject("maximum_age", Integer.class),
          rs.getString("organisation_name"),
          rs.getString("needs"),
          rs.getString("terms"),
          rs.getString("open_hours"));
    }

    ServiceMatch match(List<MatchReason> reasons) {
      return new ServiceMatch(
          id, organisationId, name, organisationName, status, accepting, distanceKm, reasons);
    }
  }
}

package org.waymark.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.DistanceUnit;
import org.waymark.directory.MatchReason;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearch;
import org.waymark.directory.ServiceSearchResult;
import org.waymark.directory.internal.search.DirectorySearchService;
import org.waymark.shared.NeedDomain;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Each search criterion alone and together, against real PostgreSQL. Every search is kept to this
 * class's own rows by its made-up word or its own spot on the map.
 */
@WaymarkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchTests {

  /** Tuesday 10 March 2026, 10:30 in London (GMT). */
  static final Instant TUESDAY_MARCH = Instant.parse("2026-03-10T10:30:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DirectorySearch directory;

  DirectoryFixtures f;
  String here;
  UUID walking;
  UUID befriending;
  UUID money;
  UUID youth;
  UUID paused;
  UUID far;
  UUID closed;
  UUID parentTerm;
  UUID childTerm;

  @BeforeAll
  void listings() {
    f = new DirectoryFixtures(jdbc);
    here = f.postcode(0);
    parentTerm = f.term("Social activities", null);
    childTerm = f.term("Walking groups", parentTerm);
    walking =
        f.service("Riverside walking group")
            .description("Gentle walking for people who want company and fresh air.")
            .need(NeedDomain.PHYSICAL_ACTIVITY, "CONFIRMED")
            .need(NeedDomain.LONELINESS, "SUGGESTED")
            .free(true)
            .ages(18, null)
            .kmNorth(1.2)
            .term(childTerm)
            .weekly("TU", "10:00", "12:00", null, null)
            .insert();
    befriending =
        f.service("Befriending circle")
            .description("Volunteers visit people at home.")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .free(true)
            .ages(50, null)
            .kmNorth(3)
            .weekly("TU,TH", "09:00", "17:00", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30))
            .insert();
    money =
        f.service("Debt advice clinic")
            .description("Help with benefits, budgeting and debts.")
            .need(NeedDomain.MONEY, "CONFIRMED")
            .free(false)
            .kmNorth(2)
            .monthly(null, "10", "10:00", "15:00")
            .insert();
    youth =
        f.service("Youth club")
            .description("Games, music and support for young people.")
            .ages(11, 18)
            .free(true)
            .kmNorth(0.5)
            .monthly("2TU", null, "18:00", "20:00")
            .insert();
    paused =
        f.service("Lunch club")
            .description("A hot meal and company.")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .accepting(AcceptingReferrals.PAUSED)
            .kmNorth(4)
            .insert();
    far =
        f.service("Coastal walking group")
            .description("Long walks by the sea.")
            .need(NeedDomain.PHYSICAL_ACTIVITY, "CONFIRMED")
            .kmNorth(30)
            .insert();
    closed =
        f.service("Closed walking group")
            .description("Walking, no longer running.")
            .status("defunct")
            .kmNorth(1)
            .insert();
  }

  /** This class's services, measured from its own postcode. */
  ServiceSearch mine() {
    return ServiceSearch.everything().near(here, 100.0, DistanceUnit.KILOMETRES);
  }

  List<UUID> ids(ServiceSearchResult r) {
    return r.services().stream().map(ServiceMatch::id).toList();
  }

  DirectorySearch at(Instant instant) {
    return new DirectorySearchService(
        jdbc, transactions, Optional.of(Clock.fixed(instant, ZoneOffset.UTC)));
  }

  @Test
  void findsOnlyActiveServicesAndCountsThem() {
    ServiceSearchResult all = directory.search(mine().withText(f.tag));
    assertThat(ids(all)).containsExactlyInAnyOrder(walking, befriending, money, youth, paused, far);
    assertThat(all.total()).isEqualTo(6);
    assertThat(ids(all)).doesNotContain(closed);
  }

  @Test
  void stemsWordsSoWalksFindsWalkingGroups() {
    ServiceSearchResult r = directory.search(mine().withText("walks"));
    assertThat(ids(r)).containsExactlyInAnyOrder(walking, far);
    assertThat(r.services().get(0).reasons())
        .first()
        .isEqualTo(new MatchReason(MatchReason.Kind.TEXT, "matches \"walks\""));
  }

  @Test
  void toleratesMisspelling() {
    ServiceSearchResult r = directory.search(mine().withText("befreinding"));
    assertThat(ids(r)).containsExactly(befriending);
    assertThat(r.services().get(0).reasonText()).startsWith("spelt like \"befreinding\"");
  }

  @Test
  void ranksTheBestTextMatchFirst() {
    // Both words in the name outrank both words in the description.
    UUID inName =
        f.service("Garden volunteers").description("Growing vegetables together.").insert();
    UUID inDescription =
        f.service("Allotment club")
            .description("Volunteers welcome to help in the garden.")
            .insert();
    ServiceSearchResult r =
        directory.search(ServiceSearch.everything().withText("garden volunteers").page(0, 100));
    assertThat(ids(r)).contains(inName, inDescription);
    assertThat(ids(r).indexOf(inName)).isLessThan(ids(r).indexOf(inDescription));
    assertThat(r.sort()).isEqualTo(ServiceSearch.Sort.RELEVANCE);
  }

  @Test
  void filtersByNeedAndSaysWhenTheNeedIsOnlySuggested() {
    ServiceSearchResult r = directory.search(mine().withNeeds(Set.of(NeedDomain.LONELINESS)));
    assertThat(ids(r)).containsExactly(walking, befriending, paused);
    assertThat(r.services().get(0).reasonText())
        .isEqualTo("need: loneliness and social isolation (suggested) · 1.2 km");
    assertThat(r.services().get(1).reasonText())
        .isEqualTo("need: loneliness and social isolation · 3.0 km");
  }

  @Test
  void filtersByTaxonomyTermIncludingTermsBelowIt() {
    assertThat(ids(directory.search(mine().withTaxonomyTerm(parentTerm)))).containsExactly(walking);
    ServiceSearchResult r = directory.search(mine().withTaxonomyTerm(childTerm));
    assertThat(r.services().get(0).reasonText()).startsWith("term: Walking groups");
  }

  @Test
  void ordersByDistanceWithinTheRadius() {
    ServiceSearchResult r =
        directory.search(ServiceSearch.everything().near(here, 5.0, DistanceUnit.KILOMETRES));
    assertThat(ids(r)).containsExactly(youth, walking, money, befriending, paused);
    assertThat(r.sort()).isEqualTo(ServiceSearch.Sort.DISTANCE);
    assertThat(r.services().get(0).distanceKm())
        .isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void measuresInMilesByDefault() {
    ServiceSearchResult r = directory.search(ServiceSearch.everything().near(here, 2.0, null));
    assertThat(ids(r)).containsExactly(youth, walking, money, befriending);
    assertThat(r.services().get(1).reasonText()).isEqualTo("0.7 miles");
  }

  @Test
  void filtersByAge() {
    ServiceSearchResult r = directory.search(mine().withText(f.tag).forAge(16));
    assertThat(ids(r)).containsExactlyInAnyOrder(money, youth, paused, far);
    assertThat(
            directory.search(mine().withText(f.tag).forAge(60)).services().stream()
                .filter(m -> m.id().equals(befriending))
                .findFirst()
                .orElseThrow()
                .reasons())
        .contains(new MatchReason(MatchReason.Kind.AGE, "ages 50+"));
    assertThat(directory.search(mine().withText("youth").forAge(12)).services().get(0).reasonText())
        .endsWith("ages 11–18");
  }

  @Test
  void filtersByFreeOfCharge() {
    ServiceSearchResult r = directory.search(mine().withText(f.tag).freeOnly(true));
    assertThat(ids(r)).containsExactlyInAnyOrder(walking, befriending, youth);
  }

  @Test
  void filtersByAcceptingReferrals() {
    ServiceSearchResult r = directory.search(mine().withText(f.tag).acceptingOnly(true));
    assertThat(ids(r)).doesNotContain(paused).contains(walking, befriending);
    assertThat(r.services().get(0).reasons())
        .last()
        .isEqualTo(new MatchReason(MatchReason.Kind.ACCEPTING, "accepting referrals"));
  }

  @Test
  void combinesFiltersAndExplainsEachOne() {
    ServiceSearchResult r =
        at(TUESDAY_MARCH)
            .search(
                ServiceSearch.everything()
                    .withNeeds(Set.of(NeedDomain.LONELINESS, NeedDomain.PHYSICAL_ACTIVITY))
                    .near(here, 5.0, DistanceUnit.KILOMETRES)
                    .freeOnly(true)
                    .openNow(true)
                    .forAge(30)
                    .acceptingOnly(true));
    assertThat(ids(r)).containsExactly(walking);
    assertThat(r.services().get(0).reasonText())
        .isEqualTo(
            "need: physical activity · need: loneliness and social isolation (suggested) · 1.2 km"
                + " · free · open Tue 10:00–12:00 · ages 18+ · accepting referrals");
  }

  @Test
  void openNowFollowsAWeeklyScheduleInUkTime() {
    // 10:30 in March is 10:30 GMT; in July 09:30 UTC is 10:30 BST.
    assertThat(ids(at(TUESDAY_MARCH).search(mine().withText(f.tag).openNow(true))))
        .contains(walking);
    assertThat(
            ids(
                at(Instant.parse("2026-07-14T09:30:00Z"))
                    .search(mine().withText(f.tag).openNow(true))))
        .contains(walking);
    assertThat(
            ids(
                at(Instant.parse("2026-03-10T12:30:00Z"))
                    .search(mine().withText(f.tag).openNow(true))))
        .doesNotContain(walking);
  }

  @Test
  void openNowLeavesOutASeasonalScheduleOutOfSeason() {
    assertThat(ids(at(TUESDAY_MARCH).search(mine().withText(f.tag).openNow(true))))
        .doesNotContain(befriending);
    assertThat(
            ids(
                at(Instant.parse("2026-07-16T14:00:00Z"))
                    .search(mine().withText(f.tag).openNow(true))))
        .contains(befriending);
  }

  @Test
  void openNowFollowsMonthlySchedulesByDateAndByNthDay() {
    // 10 March 2026 is the tenth, and the second Tuesday of the month.
    assertThat(ids(at(TUESDAY_MARCH).search(mine().withText(f.tag).openNow(true))))
        .contains(money)
        .doesNotContain(youth);
    assertThat(
            ids(
                at(Instant.parse("2026-03-10T18:30:00Z"))
                    .search(mine().withText(f.tag).openNow(true))))
        .contains(youth)
        .doesNotContain(money);
    assertThat(
            ids(
                at(Instant.parse("2026-03-17T18:30:00Z"))
                    .search(mine().withText(f.tag).openNow(true))))
        .doesNotContain(youth);
  }

  @Test
  void opensOnTheNextSuchDayAndTime() {
    DirectorySearch monday = at(Instant.parse("2026-03-09T08:00:00Z"));
    ServiceSearchResult r =
        monday.search(mine().withText(f.tag).openOn(DayOfWeek.TUESDAY, LocalTime.of(11, 0)));
    assertThat(ids(r)).contains(walking, money).doesNotContain(youth, befriending);
    assertThat(ids(monday.search(mine().withText(f.tag).openOn(DayOfWeek.TUESDAY, null))))
        .contains(walking, money, youth);
  }

  @Test
  void pagesThroughResults() {
    ServiceSearchResult first =
        directory.search(mine().withText(f.tag).sortedBy(ServiceSearch.Sort.NAME).page(0, 4));
    ServiceSearchResult second =
        directory.search(mine().withText(f.tag).sortedBy(ServiceSearch.Sort.NAME).page(1, 4));
    assertThat(first.services()).hasSize(4);
    assertThat(second.services()).hasSize(2);
    assertThat(first.total()).isEqualTo(6);
    assertThat(first.totalPages()).isEqualTo(2);
    assertThat(second.services().get(1).name()).startsWith("Youth club");
    ServiceSearchResult beyond =
        directory.search(mine().withText(f.tag).sortedBy(ServiceSearch.Sort.NAME).page(5, 4));
    assertThat(beyond.services()).isEmpty();
    assertThat(beyond.total()).isEqualTo(6);
  }

  @Test
  void countsATextSearchOnlyUpToTheCapAndStopsThePagesThere() {
    DirectoryFixtures many = new DirectoryFixtures(jdbc);
    jdbc.sql(
            """
            INSERT INTO directory_service (organisation_id, id, name, description, source, source_id)
            SELECT ?, gen_random_uuid(), ? || ' club ' || i, 'A club.', 'test', 'many-' || i
            FROM generate_series(1, 1005) i""")
        .params(many.holder, many.tag)
        .update();
    ServiceSearchResult first = directory.search(ServiceSearch.everything().withText(many.tag));
    assertThat(first.totalIsAtLeast()).isTrue();
    assertThat(first.total()).isEqualTo(1000);
    assertThat(first.services()).hasSize(first.size());
    ServiceSearchResult last =
        directory.search(
            ServiceSearch.everything()
                .withText(many.tag)
                .page(first.totalPages() - 1, first.size()));
    assertThat(last.services()).isNotEmpty();
    ServiceSearchResult beyond =
        directory.search(
            ServiceSearch.everything().withText(many.tag).page(first.totalPages(), first.size()));
    assertThat(beyond.services()).isEmpty();
    assertThat(directory.search(mine().withText(f.tag)).totalIsAtLeast()).isFalse();
  }

  @Test
  void needAndDistanceSearchFollowsChangedNeedsAndMovedLocations() {
    DirectoryFixtures g = new DirectoryFixtures(jdbc);
    String from = g.postcode(0);
    UUID moving =
        g.service(g.tag + " food bank").need(NeedDomain.FOOD, "CONFIRMED").kmNorth(1).insert();
    ServiceSearch food =
        ServiceSearch.everything()
            .withNeeds(Set.of(NeedDomain.FOOD))
            .near(from, 5.0, DistanceUnit.KILOMETRES);
    assertThat(ids(directory.search(food))).containsExactly(moving);

    jdbc.sql(
            "UPDATE directory_location l SET latitude = latitude + 0.09 FROM directory_service_at_location sal"
                + " WHERE sal.organisation_id = l.organisation_id AND sal.location_id = l.id"
                + " AND sal.service_id = ?")
        .params(moving)
        .update();
    assertThat(directory.search(food).services()).isEmpty();
    assertThat(directory.search(food.near(from, 20.0, DistanceUnit.KILOMETRES)).services())
        .singleElement()
        .satisfies(m -> assertThat(m.distanceKm()).isBetween(10.0, 12.0));

    jdbc.sql("DELETE FROM directory_service_need WHERE service_id = ?").params(moving).update();
    assertThat(directory.search(food.near(from, 20.0, DistanceUnit.KILOMETRES)).services())
        .isEmpty();
    jdbc.sql(
            "INSERT INTO directory_service_need (organisation_id, service_id, need, status)"
                + " VALUES (?, ?, 'FOOD', 'SUGGESTED')")
        .params(g.holder, moving)
        .update();
    assertThat(ids(directory.search(food.near(from, 20.0, DistanceUnit.KILOMETRES))))
        .containsExactly(moving);
  }

  @Test
  void refusesAnInvalidPostcode() {
    assertThatThrownBy(
            () -> directory.search(ServiceSearch.everything().near("NOT A POSTCODE", null, null)))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new DirectorySearchException.Problem(
                            "postcode", "directory.search.postcode.invalid")));
  }

  @Test
  void refusesAWellFormedPostcodeThatIsNotInTheDirectory() {
    assertThatThrownBy(
            () -> directory.search(ServiceSearch.everything().near("QQ9 9QQ", null, null)))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e ->
                assertThat(e.problems().get(0).messageKey())
                    .isEqualTo("directory.search.postcode.unknown"));
  }

  @Test
  void acceptsAPostcodeInAnyCaseAndSpacing() {
    String compact = here.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    assertThat(ids(directory.search(ServiceSearch.everything().near(compact, 1.0, null))))
        .contains(youth);
  }

  @Test
  void refusesSortingByDistanceWithoutAPostcode() {
    assertThatThrownBy(
            () ->
                directory.search(
                    ServiceSearch.everything()
                        .withText(f.tag)
                        .sortedBy(ServiceSearch.Sort.DISTANCE)))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("sort"));
  }
}

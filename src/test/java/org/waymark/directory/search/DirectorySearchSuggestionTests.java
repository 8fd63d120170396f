package org.waymark.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.ServiceMatch;
import org.waymark.directory.ServiceSearch;
import org.waymark.directory.internal.search.DirectorySearchService;
import org.waymark.shared.NeedDomain;
import org.waymark.support.WaymarkIntegrationTest;

/** Suggestions for a person, and what a distance search does before postcodes are loaded. */
@WaymarkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchSuggestionTests {

  @Autowired JdbcClient jdbc;
  @Autowired DirectorySearch directory;

  DirectoryFixtures f;
  String home;
  UUID bothConfirmedFar;
  UUID oneConfirmedNear;
  UUID oneSuggestedNearest;
  UUID pausedBoth;
  UUID tooYoung;
  UUID outOfRange;
  UUID otherNeed;

  @BeforeAll
  void listings() {
    f = new DirectoryFixtures(jdbc);
    home = f.postcode(0);
    bothConfirmedFar =
        f.service("Community hub")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .need(NeedDomain.MONEY, "CONFIRMED")
            .kmNorth(6)
            .insert();
    oneConfirmedNear =
        f.service("Coffee morning").need(NeedDomain.LONELINESS, "CONFIRMED").kmNorth(2).insert();
    oneSuggestedNearest =
        f.service("Library chat").need(NeedDomain.LONELINESS, "SUGGESTED").kmNorth(1).insert();
    pausedBoth =
        f.service("Busy hub")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .need(NeedDomain.MONEY, "CONFIRMED")
            .accepting(AcceptingReferrals.PAUSED)
            .kmNorth(0.5)
            .insert();
    tooYoung =
        f.service("Youth group")
            .need(NeedDomain.LONELINESS, "CONFIRMED")
            .ages(11, 18)
            .kmNorth(0.2)
            .insert();
    outOfRange =
        f.service("Far away club").need(NeedDomain.LONELINESS, "CONFIRMED").kmNorth(12).insert();
    otherNeed = f.service("Housing desk").need(NeedDomain.HOUSING, "CONFIRMED").kmNorth(1).insert();
  }

  List<UUID> ids(List<ServiceMatch> matches) {
    return matches.stream().map(ServiceMatch::id).toList();
  }

  @Test
  void ranksAcceptingFirstThenNeedsMetThenDistance() {
    List<ServiceMatch> s =
        directory.suggestionsFor(Set.of(NeedDomain.LONELINESS, NeedDomain.MONEY), home, 40, 10);
    assertThat(ids(s))
        .containsExactly(bothConfirmedFar, oneConfirmedNear, oneSuggestedNearest, pausedBoth);
    assertThat(s.get(0).reasonText())
        .isEqualTo(
            "need: loneliness and social isolation · need: money, debt and benefits · 3.7 miles"
                + " · all ages · accepting referrals");
    assertThat(s.get(2).reasonText())
        .isEqualTo(
            "need: loneliness and social isolation (suggested) · 0.6 miles · all ages"
                + " · accepting referrals");
    assertThat(s.get(3).reasonText()).doesNotContain("accepting");
  }

  @Test
  void leavesOutServicesTheAgeExcludesAndThoseTooFarAway() {
    List<UUID> found = ids(directory.suggestionsFor(Set.of(NeedDomain.LONELINESS), home, 40, 20));
    assertThat(found).doesNotContain(tooYoung, outOfRange, otherNeed);
    assertThat(ids(directory.suggestionsFor(Set.of(NeedDomain.LONELINESS), home, 15, 20)))
        .contains(tooYoung);
  }

  @Test
  void keepsToTheLimit() {
    assertThat(directory.suggestionsFor(Set.of(NeedDomain.LONELINESS), home, null, 2)).hasSize(2);
  }

  @Test
  void suggestsNothingWithoutNeeds() {
    assertThat(directory.suggestionsFor(Set.of(), home, 40, 10)).isEmpty();
  }

  @Test
  void refusesAnUnknownPostcode() {
    assertThatThrownBy(
            () -> directory.suggestionsFor(Set.of(NeedDomain.LONELINESS), "QQ9 9QQ", 40, 10))
        .isInstanceOf(DirectorySearchException.class);
  }

  @Test
  void aDistanceSearchBeforeAnyPostcodesAreLoadedSaysSo() {
    EmptyDirectoryDatabase empty = EmptyDirectoryDatabase.create(jdbc);
    DirectorySearch search =
        new DirectorySearchService(empty.jdbc, empty.transactions, Optional.empty());
    assertThat(search.search(ServiceSearch.everything()).services()).isEmpty();
    assertThatThrownBy(() -> search.search(ServiceSearch.everything().near("LS1 4AP", null, null)))
        .isInstanceOfSatisfying(
            DirectorySearchException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        new DirectorySearchException.Problem(
                            "postcode", "directory.search.postcode.noData")));
  }
}

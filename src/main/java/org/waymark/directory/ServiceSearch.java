package org.waymark.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.waymark.shared.NeedDomain;

/**
 * A search of the community service directory. Every criterion may be null, empty or false (no
 * filter); the criteria given all apply together. Only active and temporarily closed services are
 * found.
 *
 * @param text free text, matched with stemming against names, taxonomy terms and descriptions, and
 *     with tolerance for misspellings against names and taxonomy terms
 * @param needs need domains; a service meeting any of them matches (confirmed or suggested)
 * @param taxonomyTermId a taxonomy term; services with it or any term below it match
 * @param postcode the place distances are measured from; a distance filter always applies with it
 * @param distance the radius around the postcode, in {@code unit}; {@link #DEFAULT_DISTANCE} when
 *     null
 * @param unit miles when null
 * @param openNow open at the moment of the search (in UK time)
 * @param openDay open on the next such day (today if it is that day); with {@code openTime}, at
 *     that time, otherwise at any time that day
 * @param openTime needs {@code openDay}
 * @param age the person's age in years; services whose age limits exclude it do not match
 * @param freeOnly only services marked free of charge
 * @param acceptingOnly only services accepting referrals now (not paused, not closed)
 * @param sort relevance when there is text, otherwise distance when there is a postcode, otherwise
 *     name, when null
 * @param page 0-based
 * @param size at most 100; 20 when not positive
 */
public record ServiceSearch(
    String text,
    Set<NeedDomain> needs,
    UUID taxonomyTermId,
    String postcode,
    Double distance,
    DistanceUnit unit,
    boolean openNow,
    DayOfWeek openDay,
    LocalTime openTime,
    Integer age,
    boolean freeOnly,
    boolean acceptingOnly,
    Sort sort,
    int page,
    int size) {

  /** The radius around a postcode when none is given: 5 miles. */
  public static final double DEFAULT_DISTANCE = 5;

  /** How results are ordered. */
  public enum Sort {
    /** Best text match first (full text rank and similarity of spelling). */
    RELEVANCE,
    /** Nearest first; needs a postcode. */
    DISTANCE,
    /** Alphabetical by service name. */
    NAME
  }

  public ServiceSearch {
    text = text == null || text.isBlank() ? null : text.strip();
    needs = needs == null ? Set.of() : Set.copyOf(needs);
    postcode = postcode == null || postcode.isBlank() ? null : postcode.strip();
    unit = unit == null ? DistanceUnit.MILES : unit;
    page = Math.max(page, 0);
    size = size <= 0 ? 20 : Math.min(size, 100);
  }

  /** A search with no criteria yet, to add to with the {@code with…} methods. */
  public static ServiceSearch everything() {
    return new ServiceSearch(
        null, Set.of(), null, null, null, null, false, null, null, null, false, false, null, 0, 20);
  }

  public ServiceSearch withText(String value) {
    return with(d -> d.text = value);
  }

  public ServiceSearch withNeeds(Set<NeedDomain> value) {
    return with(d -> d.needs = value);
  }

  public ServiceSearch withTaxonomyTerm(UUID value) {
    return with(d -> d.taxonomyTermId = value);
  }

  /** Near a postcode, within a distance (null for the default) in a unit (null for miles). */
  public ServiceSearch near(String value, Double within, DistanceUnit in) {
    return with(
        d -> {
          d.postcode = value;
          d.distance = within;
          d.unit = in;
        });
  }

  public ServiceSearch openNow(boolean value) {
    return with(d -> d.openNow = value);
  }

  /** Open on a day (and at a time, if not null). */
  public ServiceSearch openOn(DayOfWeek day, LocalTime time) {
    return with(
        d -> {
          d.openDay = day;
          d.openTime = time;
        });
  }

  public ServiceSearch forAge(Integer value) {
    return with(d -> d.age = value);
  }

  public ServiceSearch freeOnly(boolean value) {
    return with(d -> d.freeOnly = value);
  }

  public ServiceSearch acceptingOnly(boolean value) {
    return with(d -> d.acceptingOnly = value);
  }

  public ServiceSearch sortedBy(Sort value) {
    return with(d -> d.sort = value);
  }

  public ServiceSearch page(int number, int pageSize) {
    return with(
        d -> {
          d.page = number;
          d.size = pageSize;
        });
  }

  /** This search with some criteria changed. */
  private ServiceSearch with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return d.build();
  }

  /** The criteria of a search while one of the {@code with…} methods changes some of them. */
  private static final class Draft {
    String text;
    Set<NeedDomain> needs;
    UUID taxonomyTermId;
    String postcode;
    Double distance;
    DistanceUnit unit;
    boolean openNow;
    DayOfWeek openDay;
    LocalTime openTime;
    Integer age;
    boolean freeOnly;
    boolean acceptingOnly;
    Sort sort;
    int page;
    int size;

    Draft(ServiceSearch s) {
      text = s.text;
      needs = s.needs;
      taxonomyTermId = s.taxonomyTermId;
      postcode = s.postcode;
      distance = s.distance;
      unit = s.unit;
      openNow = s.openNow;
      openDay = s.openDay;
      openTime = s.openTime;
      age = s.age;
      freeOnly = s.freeOnly;
      acceptingOnly = s.acceptingOnly;
      sort = s.sort;
      page = s.page;
      size = s.size;
    }

    ServiceSearch build() {
      return new ServiceSearch(
          text,
          needs,
          taxonomyTermId,
          postcode,
          distance,
          unit,
          openNow,
          openDay,
          openTime,
          age,
          freeOnly,
          acceptingOnly,
          sort,
          page,
          size);
    }
  }

  /** The radius in kilometres, or null without a postcode. */
  public Double radiusKilometres() {
    return postcode == null
        ? null
        : unit.toKilometres(distance == null ? DEFAULT_DISTANCE : distance);
  }

  /** The order results come in: the one asked for, or the default for the criteria given. */
  public Sort effectiveSort() {
    if (sort != null) {
      return sort;
    }
    return text != null ? Sort.RELEVANCE : postcode != null ? Sort.DISTANCE : Sort.NAME;
  }
}

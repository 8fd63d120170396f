package org.waymark.directory.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.DistanceUnit;
import org.waymark.directory.ServiceSearch;
import org.waymark.shared.NeedDomain;

/**
 * Turns a search as typed (page or API) into a {@link ServiceSearch}, or into problems named by
 * field, the same way for both, so the page and the API never disagree about what is valid.
 */
final class SearchCriteria {

  private static final Pattern TIME = Pattern.compile("^([01]?\\d|2[0-3])[:.]([0-5]\\d)$");

  /** The search, or the problems that stop it; exactly one of the two is non-null. */
  record Parsed(ServiceSearch search, List<DirectorySearchException.Problem> problems) {}

  private SearchCriteria() {}

  static Parsed parse(DirectorySearchForm f, int defaultSize) {
    List<DirectorySearchException.Problem> problems = new ArrayList<>();
    String text = blank(f.getQ()) ? null : f.getQ().strip();
    if (text != null && text.length() > 200) {
      problems.add(problem("q", "directory.search.q.tooLong"));
    }
    Set<NeedDomain> needs = needs(f.getNeed(), "need", problems);
    UUID term = null;
    if (!blank(f.getTerm())) {
      try {
        term = UUID.fromString(f.getTerm().strip());
      } catch (IllegalArgumentException e) {
        problems.add(problem("term", "directory.search.term.invalid"));
      }
    }
    Double distance = null;
    if (!blank(f.getDistance())) {
      try {
        distance = Double.parseDouble(f.getDistance().strip());
        if (distance.isNaN() || distance.isInfinite()) {
          problems.add(problem("distance", "directory.search.distance.invalid"));
        }
      } catch (NumberFormatException e) {
        problems.add(problem("distance", "directory.search.distance.invalid"));
      }
    }
    DistanceUnit unit = null;
    if (!blank(f.getUnit())) {
      unit =
          switch (f.getUnit().strip().toUpperCase(Locale.ROOT)) {
            case "MILES", "MI", "MILE" -> DistanceUnit.MILES;
            case "KILOMETRES", "KM", "KILOMETERS" -> DistanceUnit.KILOMETRES;
            default -> {
              problems.add(problem("unit", "directory.search.unit.invalid"));
              yield null;
            }
          };
    }
    DayOfWeek day = null;
    if (!blank(f.getDay())) {
      try {
        day = DayOfWeek.valueOf(f.getDay().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(problem("day", "directory.search.day.invalid"));
      }
    }
    LocalTime time = null;
    if (!blank(f.getTime())) {
      var m = TIME.matcher(f.getTime().strip());
      try {
        if (!m.matches()) {
          throw new DateTimeParseException("not a time", f.getTime(), 0);
        }
        time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (DateTimeParseException e) {
        problems.add(problem("time", "directory.search.time.invalid"));
      }
    }
    Integer age = wholeNumber(f.getAge(), "age", "directory.search.age.invalid", problems);
    ServiceSearch.Sort sort = null;
    if (!blank(f.getSort())) {
      try {
        sort = ServiceSearch.Sort.valueOf(f.getSort().strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(problem("sort", "directory.search.sort.invalid"));
      }
    }
    Integer page = wholeNumber(f.getPage(), "page", "directory.search.page.invalid", problems);
    if (page != null && page < 0) {
      problems.add(problem("page", "directory.search.page.invalid"));
    }
    Integer size = wholeNumber(f.getSize(), "size", "directory.search.size.invalid", problems);
    if (size != null && (size < 1 || size > 100)) {
      problems.add(problem("size", "directory.search.size.invalid"));
    }
    if (!problems.isEmpty()) {
      return new Parsed(null, problems);
    }
    ServiceSearch search =
        ServiceSearch.everything()
            .withText(text)
            .withNeeds(needs)
            .withTaxonomyTerm(term)
            .near(f.getPostcode(), distance, unit)
            .openNow(f.isOpenNow())
            .openOn(day, time)
            .forAge(age)
            .freeOnly(f.isFree())
            .acceptingOnly(f.isAccepting())
            .sortedBy(sort)
            .page(page == null ? 0 : page, size == null ? defaultSize : size);
    return new Parsed(search, null);
  }

  /** Need codes, comma-separated (a repeated parameter arrives so). */
  static Set<NeedDomain> needs(
      String value, String field, List<DirectorySearchException.Problem> problems) {
    Set<NeedDomain> needs = EnumSet.noneOf(NeedDomain.class);
    if (blank(value)) {
      return needs;
    }
    for (String code : value.split(",")) {
      if (code.isBlank()) {
        continue;
      }
      try {
        needs.add(NeedDomain.valueOf(code.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        problems.add(problem(field, "directory.search.need.invalid"));
        break;
      }
    }
    return needs;
  }

  static Integer wholeNumber(
      String value, String field, String key, List<DirectorySearchException.Problem> problems) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      problems.add(problem(field, key));
      return null;
    }
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static DirectorySearchException.Problem problem(String field, String key) {
    return new DirectorySearchException.Problem(field, key);
  }
}

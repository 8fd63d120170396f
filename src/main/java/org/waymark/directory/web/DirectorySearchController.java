package org.waymark.directory.web;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.DirectorySearch;
import org.waymark.directory.DirectorySearchException;
import org.waymark.directory.DistanceUnit;
import org.waymark.directory.ServiceDetails;
import org.waymark.directory.ServiceSearch;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.NeedDomain;
import org.waymark.shared.RecordNotFoundException;

/**
 * The directory pages for staff: the search, and a service's full listing. Listings are published
 * information, not a person's record, so reading them is not audited.
 */
@Controller
@RequiresPermission(Permission.SEARCH_DIRECTORY)
class DirectorySearchController {

  private static final int PAGE_SIZE = 20;
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** A choice in a select: the value sent and the words shown. */
  record Option(String value, String label) {}

  private static final List<Option> NEEDS =
      Arrays.stream(NeedDomain.values()).map(n -> new Option(n.name(), n.label())).toList();
  private static final List<Option> DAYS =
      Arrays.stream(DayOfWeek.values())
          .map(d -> new Option(d.name(), d.getDisplayName(TextStyle.FULL, Locale.UK)))
          .toList();

  private final DirectorySearch directory;

  private final DirectoryCuration curation;

  DirectorySearchController(DirectorySearch directory, DirectoryCuration curation) {
    this.directory = directory;
    this.curation = curation;
  }

  @GetMapping("/directory")
  String search(
      @ModelAttribute("search") DirectorySearchForm form, BindingResult errors, Model model) {
    SearchCriteria.Parsed parsed = SearchCriteria.parse(form, PAGE_SIZE);
    if (parsed.problems() != null) {
      reject(errors, parsed.problems());
    } else {
      try {
        model.addAttribute("result", directory.search(parsed.search()));
      } catch (DirectorySearchException e) {
        reject(errors, e.problems());
      }
    }
    model.addAttribute("needs", withAny("Any need", NEEDS));
    model.addAttribute("days", withAny("Any day", DAYS));
    model.addAttribute(
        "units",
        Arrays.stream(DistanceUnit.values()).map(u -> new Option(u.name(), u.label())).toList());
    model.addAttribute(
        "sorts",
        List.of(
            new Option("", "Best match, or nearest when there are no search words"),
            new Option(ServiceSearch.Sort.RELEVANCE.name(), "Best match"),
            new Option(ServiceSearch.Sort.DISTANCE.name(), "Nearest first"),
            new Option(ServiceSearch.Sort.NAME.name(), "Name (A to Z)")));
    model.addAttribute("pageHref", pageHref(form));
    return "directory/search";
  }

  @GetMapping("/directory/services/{id}")
  String service(@PathVariable UUID id, Model model) {
    ServiceDetails service =
        directory.service(id).orElseThrow(() -> new RecordNotFoundException("service"));
    model.addAttribute("service", service);
    model.addAttribute("mayEdit", curation.mayEdit(service.organisationId()));
    model.addAttribute(
        "verifiedOn",
        service.lastVerifiedAt() == null
            ? null
            : LONG_DATE.format(
                service.lastVerifiedAt().atZone(java.time.ZoneId.of("Europe/London"))));
    return "directory/service";
  }

  private static List<Option> withAny(String any, List<Option> options) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(new Option("", any)), options.stream())
        .toList();
  }

  private static void reject(
      BindingResult errors, List<DirectorySearchException.Problem> problems) {
    for (DirectorySearchException.Problem p : problems) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
  }

  /** The search's own address without its page, ending so that {@code page=n} can follow. */
  private static String pageHref(DirectorySearchForm f) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/directory");
    add(b, "q", f.getQ());
    add(b, "need", f.getNeed());
    add(b, "term", f.getTerm());
    add(b, "postcode", f.getPostcode());
    add(b, "distance", f.getDistance());
    add(b, "unit", f.getUnit());
    add(b, "openNow", f.isOpenNow() ? "true" : null);
    add(b, "day", f.getDay());
    add(b, "time", f.getTime());
    add(b, "age", f.getAge());
    add(b, "free", f.isFree() ? "true" : null);
    add(b, "accepting", f.isAccepting() ? "true" : null);
    add(b, "sort", f.getSort());
    String href = b.encode().build().toUriString();
    return href + (href.contains("?") ? "&" : "?");
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.queryParam(name, value);
    }
  }
}

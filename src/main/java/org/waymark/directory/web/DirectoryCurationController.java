package org.waymark.directory.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.directory.AcceptingReferrals;
import org.waymark.directory.DirectoryCuration;
import org.waymark.directory.Listing;
import org.waymark.directory.ListingChange;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ListingEditConflictException;
import org.waymark.directory.ListingNeed;
import org.waymark.directory.ListingPage;
import org.waymark.directory.ListingSearch;
import org.waymark.directory.ListingValidationException;
import org.waymark.directory.ReferralMethod;
import org.waymark.directory.internal.curation.ListingRules;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.NeedDomain;

/**
 * Keeping the directory current: the list of listings (and those to chase), adding and changing a
 * listing, pausing and resuming referrals, marking a listing as verified, its change history, and
 * deciding its need domains. VCS coordinators reach their own organisation's listings, curators
 * every listing; the facade checks each listing.
 */
@Controller
@RequestMapping("/directory/listings")
@RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
class DirectoryCurationController {

  private static final int PAGE_SIZE = 25;
  private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(ENGLAND);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(ENGLAND);

  private final DirectoryCuration curation;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final MessageSource messages;

  DirectoryCurationController(
      DirectoryCuration curation,
      IdentityManagement identity,
      AccessPolicy access,
      MessageSource messages) {
    this.curation = curation;
    this.identity = identity;
    this.access = access;
    this.messages = messages;
  }

  // ---- the list ----

  @GetMapping
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String list(
      @RequestParam(name = "holder", required = false) String holder,
      @RequestParam(name = "stale", defaultValue = "false") boolean stale,
      @RequestParam(name = "needs", defaultValue = "false") boolean needs,
      @RequestParam(name = "accepting", required = false) String accepting,
      @RequestParam(name = "page", defaultValue = "0") int page,
      Model model) {
    boolean curator = curation.mayCurate();
    UUID holderId = curator ? uuid(holder) : null;
    AcceptingReferrals acceptingFilter = choice(AcceptingReferrals.class, accepting);
    ListingPage result =
        curation.listings(
            new ListingSearch(holderId, stale, needs, acceptingFilter, page, PAGE_SIZE));
    model.addAttribute("result", result);
    model.addAttribute("curator", curator);
    model.addAttribute("holders", curator ? curation.holders() : List.of());
    model.addAttribute("holder", holderId);
    model.addAttribute("stale", stale);
    model.addAttribute("needs", needs);
    model.addAttribute("accepting", acceptingFilter);
    model.addAttribute("acceptingChoices", AcceptingReferrals.values());
    model.addAttribute("pageHref", pageHref(holderId, stale, needs, acceptingFilter));
    model.addAttribute("dates", new Dates());
    model.addAttribute(
        "organisationName", access.currentUser().map(WaymarkUser::organisationName).orElse(null));
    return "directory/curation/list";
  }

  // ---- adding and changing ----

  @GetMapping("/new")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String newListing(Model model) {
    ListingForm form = new ListingForm();
    model.addAttribute("listingForm", form);
    return form(model, null, null);
  }

  @PostMapping
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String create(
      @Valid @ModelAttribute("listingForm") ListingForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    UUID holder = curation.mayCurate() ? form.holder() : actingOrganisation();
    if (holder == null || identity.organisation(holder).isEmpty()) {
      errors.rejectValue("holderOrganisationId", "directory.curation.holder.required");
    }
    ListingDetails details = checked(form, errors);
    if (!errors.hasErrors()) {
      try {
        Listing listing = curation.createListing(holder, details);
        flash.addFlashAttribute("success", message("directory.curation.created", listing.name()));
        return "redirect:/directory/listings/" + listing.id();
      } catch (ListingValidationException e) {
        reject(errors, e);
      }
    }
    sortErrors(model, form, errors);
    return form(model, null, null);
  }

  @GetMapping("/{id}/edit")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String edit(@PathVariable UUID id, Model model) {
    Listing listing = curation.listing(id);
    model.addAttribute("listingForm", ListingForm.of(listing));
    return form(model, id, listing.name());
  }

  @PostMapping("/{id}/edit")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String update(
      @PathVariable UUID id,
      @Valid @ModelAttribute("listingForm") ListingForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    // Read first, so a listing that does not exist or is not the user's is a 404 or 403 page,
    // never a form full of errors.
    Listing current = curation.listing(id);
    ListingDetails details = checked(form, errors);
    if (!errors.hasErrors()) {
      try {
        Listing saved =
            curation.update(id, form.getVersion() == null ? -1 : form.getVersion(), details);
        flash.addFlashAttribute(
            "success",
            saved.version() == current.version()
                ? message("directory.curation.unchanged")
                : message("directory.curation.updated"));
        return "redirect:/directory/listings/" + id;
      } catch (ListingValidationException e) {
        reject(errors, e);
      } catch (ListingEditConflictException e) {
        // Keep what the user typed, say where it differs from the listing as it is now, and let a
        // second save (now against the current version) be a deliberate choice.
        errors.reject("directory.curation.version.stale");
        model.addAttribute("conflictFields", e.differingFields());
        form.setVersion(e.currentVersion());
      }
    }
    sortErrors(model, form, errors);
    return form(model, id, current.name());
  }

  // ---- the curation page and its quick actions ----

  @GetMapping("/{id}")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String show(@PathVariable UUID id, Model model) {
    Listing listing = curation.listing(id);
    model.addAttribute("listing", listing);
    model.addAttribute("details", listing.details());
    model.addAttribute("paragraphs", paragraphs(listing.details().description()));
    model.addAttribute("history", history(curation.history(id)));
    model.addAttribute("curator", curation.mayCurate());
    model.addAttribute("dates", new Dates());
    return "directory/curation/listing";
  }

  @GetMapping("/{id}/pause")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String confirmPause(@PathVariable UUID id, Model model) {
    Listing listing = curation.listing(id);
    if (listing.details().acceptingReferrals() != AcceptingReferrals.YES) {
      return "redirect:/directory/listings/" + id;
    }
    model.addAttribute("listing", listing);
    model.addAttribute("title", message("directory.curation.pause.title"));
    model.addAttribute("body", message("directory.curation.pause.body"));
    model.addAttribute("action", "/directory/listings/" + id + "/pause");
    model.addAttribute("fields", Map.of());
    model.addAttribute("button", message("directory.curation.pause.button"));
    model.addAttribute("cancel", "/directory/listings/" + id);
    return "directory/curation/confirm";
  }

  @PostMapping("/{id}/pause")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String pause(@PathVariable UUID id, RedirectAttributes flash) {
    // Sent twice (a double click, the back button), the second finds referrals paused already.
    if (curation.pauseReferrals(id)) {
      flash.addFlashAttribute("success", message("directory.curation.paused"));
    }
    return "redirect:/directory/listings/" + id;
  }

  @PostMapping("/{id}/resume")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String resume(@PathVariable UUID id, RedirectAttributes flash) {
    if (curation.resumeReferrals(id)) {
      flash.addFlashAttribute("success", message("directory.curation.resumed"));
    }
    return "redirect:/directory/listings/" + id;
  }

  @PostMapping("/{id}/verify")
  @RequiresPermission(Permission.EDIT_DIRECTORY_LISTING)
  String verify(@PathVariable UUID id, RedirectAttributes flash) {
    curation.markVerified(id);
    flash.addFlashAttribute("success", message("directory.curation.verified"));
    return "redirect:/directory/listings/" + id;
  }

  // ---- need domains ----

  @GetMapping("/{id}/needs")
  @RequiresPermission(Permission.CURATE_DIRECTORY)
  String needs(@PathVariable UUID id, Model model) {
    Listing listing = curation.listing(id);
    List<NeedDomain> present = listing.needs().stream().map(ListingNeed::need).toList();
    model.addAttribute("listing", listing);
    model.addAttribute(
        "addable", Arrays.stream(NeedDomain.values()).filter(n -> !present.contains(n)).toList());
    model.addAttribute("dates", new Dates());
    return "directory/curation/needs";
  }

  @PostMapping("/{id}/needs/confirm")
  @RequiresPermission(Permission.CURATE_DIRECTORY)
  String confirmNeed(
      @PathVariable UUID id, @RequestParam("need") NeedDomain need, RedirectAttributes flash) {
    if (curation.confirmNeed(id, need)) {
      flash.addFlashAttribute(
          "success", message("directory.curation.need.confirmed", need.label()));
    }
    return "redirect:/directory/listings/" + id + "/needs";
  }

  @PostMapping("/{id}/needs/add")
  @RequiresPermission(Permission.CURATE_DIRECTORY)
  String addNeed(
      @PathVariable UUID id,
      @RequestParam(name = "need", required = false) String need,
      Model model,
      RedirectAttributes flash) {
    NeedDomain domain = choice(NeedDomain.class, need);
    if (domain == null) {
      model.addAttribute("problem", message("directory.curation.need.required"));
      return needs(id, model);
    }
    if (curation.addNeed(id, domain)) {
      flash.addFlashAttribute("success", message("directory.curation.need.added", domain.label()));
    }
    return "redirect:/directory/listings/" + id + "/needs";
  }

  @GetMapping("/{id}/needs/remove")
  @RequiresPermission(Permission.CURATE_DIRECTORY)
  String confirmRemoveNeed(
      @PathVariable UUID id, @RequestParam("need") NeedDomain need, Model model) {
    Listing listing = curation.listing(id);
    if (listing.needs().stream().noneMatch(n -> n.need() == need)) {
      return "redirect:/directory/listings/" + id + "/needs";
    }
    model.addAttribute("listing", listing);
    model.addAttribute("title", message("directory.curation.need.remove.title", need.label()));
    model.addAttribute("body", message("directory.curation.need.remove.body"));
    model.addAttribute("action", "/directory/listings/" + id + "/needs/remove");
    model.addAttribute("fields", Map.of("need", need.name()));
    model.addAttribute("button", message("directory.curation.need.remove.button"));
    model.addAttribute("cancel", "/directory/listings/" + id + "/needs");
    return "directory/curation/confirm";
  }

  @PostMapping("/{id}/needs/remove")
  @RequiresPermission(Permission.CURATE_DIRECTORY)
  String removeNeed(
      @PathVariable UUID id, @RequestParam("need") NeedDomain need, RedirectAttributes flash) {
    if (curation.removeNeed(id, need)) {
      flash.addFlashAttribute("success", message("directory.curation.need.removed", need.label()));
    }
    return "redirect:/directory/listings/" + id + "/needs";
  }

  // ---- helpers ----

  /** Dates and times as people in England read them, for the templates. */
  static final class Dates {
    public String date(Instant instant) {
      return instant == null ? null : DATE.format(instant);
    }

    public String dateTime(Instant instant) {
      return instant == null
          ? null
          : DATE_TIME.format(instant).replace("AM", "am").replace("PM", "pm");
    }
  }

  /** One entry of the change history as shown: each field with its label and values as text. */
  record ChangeView(String when, String who, String summary, List<FieldChange> fields) {}

  record FieldChange(String label, String before, String after) {}

  private List<ChangeView> history(List<ListingChange> changes) {
    Dates dates = new Dates();
    List<ChangeView> views = new ArrayList<>();
    for (ListingChange c : changes) {
      List<FieldChange> fields = new ArrayList<>();
      c.changes().entrySet().stream()
          .sorted(Comparator.comparingInt(e -> position(e.getKey())))
          .forEach(
              e ->
                  fields.add(
                      new FieldChange(
                          label(e.getKey()),
                          shown(e.getKey(), e.getValue().get(0)),
                          shown(e.getKey(), e.getValue().get(1)))));
      views.add(new ChangeView(dates.dateTime(c.changedAt()), c.changedBy(), c.change(), fields));
    }
    return views;
  }

  private String label(String field) {
    if (field.startsWith("need.")) {
      NeedDomain need = choice(NeedDomain.class, field.substring(5));
      return message("directory.curation.field.need")
          + ": "
          + (need == null ? field : need.label());
    }
    return messages.getMessage(
        "directory.curation.field." + field, null, field, LocaleContextHolder.getLocale());
  }

  /** A stored value as people read it. */
  private static String shown(String field, String value) {
    if (value == null) {
      return "None";
    }
    return switch (field) {
      case "acceptingReferrals" -> {
        AcceptingReferrals a = choice(AcceptingReferrals.class, value);
        yield a == null ? value : a.label();
      }
      case "referralMethod" -> {
        ReferralMethod m = choice(ReferralMethod.class, value);
        yield m == null ? value : m.label();
      }
      case "freeOfCharge" -> "true".equals(value) ? "Yes" : "No";
      case "lastVerifiedAt" -> {
        try {
          yield new Dates().dateTime(Instant.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
          yield value;
        }
      }
      default ->
          field.startsWith("need.")
              ? (value.equals("CONFIRMED") ? "Confirmed" : "Suggested")
              : value;
    };
  }

  private static int position(String field) {
    int i = ListingRules.FIELDS.indexOf(field);
    return i < 0 ? ListingRules.FIELDS.size() : i;
  }

  private static List<String> paragraphs(String plainText) {
    if (plainText == null || plainText.isBlank()) {
      return List.of();
    }
    return Arrays.stream(plainText.split("\\R\\s*\\R")).map(String::strip).toList();
  }

  /** The form's own checks, then the facade's rules for every field that has no error yet. */
  private ListingDetails checked(ListingForm form, BindingResult errors) {
    form.check(errors);
    ListingDetails details = form.toDetails();
    for (ListingValidationException.Problem p : curation.problems(details)) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
    return details;
  }

  private static void reject(BindingResult errors, ListingValidationException e) {
    e.problems()
        .forEach(
            p -> {
              if (!errors.hasFieldErrors(p.field())) {
                errors.rejectValue(p.field(), p.messageKey());
              }
            });
  }

  /** Replaces the binding result with one whose field errors follow the page's order. */
  private static void sortErrors(Model model, ListingForm form, BindingResult errors) {
    BeanPropertyBindingResult sorted = new BeanPropertyBindingResult(form, "listingForm");
    errors.getGlobalErrors().forEach(sorted::addError);
    errors.getFieldErrors().stream()
        .sorted(
            Comparator.comparingInt(
                (FieldError e) ->
                    e.getField().equals("holderOrganisationId") ? -1 : position(e.getField())))
        .forEach(sorted::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "listingForm", sorted);
  }

  /**
   * The add or change form.
   *
   * @param listingId null when adding a listing
   * @param listingName for the heading; may be null
   */
  private String form(Model model, UUID listingId, String listingName) {
    boolean curator = curation.mayCurate();
    model.addAttribute("listingId", listingId);
    model.addAttribute("listingName", listingName);
    model.addAttribute(
        "pageTitle", listingId == null ? "Add a listing" : "Change a listing's details");
    model.addAttribute("chooseHolder", listingId == null && curator);
    if (listingId == null && curator) {
      List<Organisation> organisations = new ArrayList<>(identity.organisations());
      organisations.sort(Comparator.comparing(o -> o.name().toLowerCase(Locale.UK)));
      model.addAttribute("organisations", organisations);
    }
    model.addAttribute(
        "organisationName", access.currentUser().map(WaymarkUser::organisationName).orElse(null));
    model.addAttribute("acceptingChoices", AcceptingReferrals.values());
    model.addAttribute("methods", ReferralMethod.values());
    return "directory/curation/form";
  }

  private UUID actingOrganisation() {
    return access.currentUser().map(WaymarkUser::organisationId).orElse(null);
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }

  private static UUID uuid(String s) {
    try {
      return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> e.name().equals(value))
        .findFirst()
        .orElse(null);
  }

  /** The list's own address with its filters, ending so that {@code page=n} can follow. */
  private static String pageHref(
      UUID holder, boolean stale, boolean needs, AcceptingReferrals accepting) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/directory/listings");
    if (holder != null) {
      b.queryParam("holder", holder);
    }
    if (stale) {
      b.queryParam("stale", "true");
    }
    if (needs) {
      b.queryParam("needs", "true");
    }
    if (accepting != null) {
      b.queryParam("accepting", accepting.name());
    }
    String href = b.encode().build().toUriString();
    return href + (href.contains("?") ? "&" : "?");
  }
}

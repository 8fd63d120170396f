package org.waymark.person.web;

import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.EthnicGroup;
import org.waymark.person.Ethnicity;
import org.waymark.person.GenderSameAsSex;
import org.waymark.person.Person;
import org.waymark.person.PersonDetails;
import org.waymark.person.PersonEditConflictException;
import org.waymark.person.PersonManagement;
import org.waymark.person.PersonSearch;
import org.waymark.person.PersonValidationException;
import org.waymark.person.Sex;

/** The people pages: search, add, view and change a person's record. */
@Controller
class PersonController {

  /** Form fields in page order, so the error summary lists problems in the order they appear. */
  static final List<String> FIELD_ORDER =
      List.of(
          "nhsNumber",
          "givenName",
          "familyName",
          "otherNames",
          "preferredName",
          "dateOfBirth",
          "sex",
          "genderSameAsSex",
          "genderIdentity",
          "ethnicity",
          "preferredLanguage",
          "interpreterNeeded",
          "addressLine1",
          "addressLine2",
          "town",
          "postcode",
          "phone",
          "phoneConsent",
          "mobile",
          "smsConsent",
          "email",
          "emailConsent",
          "registeredPracticeId",
          "deceased",
          "dateOfDeath");

  private static final int PAGE_SIZE = 25;
  static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final PersonManagement people;
  private final IdentityManagement identity;
  private final AccessPolicy access;

  PersonController(PersonManagement people, IdentityManagement identity, AccessPolicy access) {
    this.people = people;
    this.identity = identity;
    this.access = access;
  }

  @GetMapping("/people")
  @RequiresPermission(Permission.READ_PERSON)
  String search(
      @ModelAttribute("search") PersonSearchForm search, BindingResult errors, Model model) {
    String dateProblem = search.birthParts().isBlank() ? null : search.birthParts().problem();
    if (dateProblem != null) {
      errors.rejectValue("dateOfBirth", "person.dateOfBirth." + dateProblem);
    } else {
      try {
        model.addAttribute(
            "result",
            people.search(
                new PersonSearch(
                    search.getName(),
                    search.getNhsNumber(),
                    search.getDateOfBirth(),
                    search.getPage(),
                    PAGE_SIZE)));
      } catch (PersonValidationException e) {
        e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
      }
    }
    model.addAttribute("pageHref", pageHref(search));
    model.addAttribute("mayWrite", access.may(Permission.WRITE_PERSON));
    return "person/search";
  }

  @GetMapping("/people/new")
  @RequiresPermission(Permission.WRITE_PERSON)
  String newPerson(Model model) {
    model.addAttribute("personForm", new PersonForm());
    return form(model, null, null);
  }

  @PostMapping("/people")
  @RequiresPermission(Permission.WRITE_PERSON)
  String create(
      @Valid @ModelAttribute("personForm") PersonForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PersonDetails details = checked(form, errors);
    if (!errors.hasErrors()) {
      try {
        Person person = people.register(details);
        flash.addFlashAttribute("saved", "created");
        return "redirect:/people/" + person.id();
      } catch (PersonValidationException e) {
        reject(errors, e);
      }
    }
    sortErrors(model, form, errors);
    return form(model, null, null);
  }

  @GetMapping("/people/{id}")
  @RequiresPermission(Permission.READ_PERSON)
  String view(@PathVariable UUID id, Model model) {
    Person person = people.find(id);
    PersonDetails d = person.details();
    model.addAttribute("person", person);
    model.addAttribute("details", d);
    model.addAttribute(
        "dateOfDeath", d.dateOfDeath() == null ? null : LONG_DATE.format(d.dateOfDeath()));
    model.addAttribute("rows", rows(person, organisationName(d.registeredPracticeId())));
    model.addAttribute("organisationName", organisationName(person.organisationId()));
    model.addAttribute("mayWrite", access.may(Permission.WRITE_PERSON, person.organisationId()));
    // Managers, who may merge records, see the records that may be the same person.
    boolean mayMerge = access.may(Permission.TRIAGE_REFERRALS, person.organisationId());
    model.addAttribute("mayMerge", mayMerge);
    model.addAttribute("duplicates", mayMerge ? people.duplicateCandidates(id) : List.of());
    return "person/view";
  }

  @GetMapping("/people/{id}/edit")
  @RequiresPermission(Permission.WRITE_PERSON)
  String edit(@PathVariable UUID id, Model model) {
    Person person = people.find(id);
    model.addAttribute("personForm", PersonForm.of(person));
    return form(model, id, person.name());
  }

  @PostMapping("/people/{id}/edit")
  @RequiresPermission(Permission.WRITE_PERSON)
  String update(
      @PathVariable UUID id,
      @Valid @ModelAttribute("personForm") PersonForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    PersonDetails details = checked(form, errors);
    if (!errors.hasErrors()) {
      try {
        people.update(id, form.getVersion() == null ? -1 : form.getVersion(), details);
        flash.addFlashAttribute("saved", "updated");
        return "redirect:/people/" + id;
      } catch (PersonValidationException e) {
        reject(errors, e);
      } catch (PersonEditConflictException e) {
        // Keep what the user typed, say where it differs from the record as it is now, and let a
        // second save (now against the current version) be a deliberate choice.
        errors.reject("person.version.stale");
        model.addAttribute("conflictFields", e.differingFields());
        form.setVersion(e.currentVersion());
      }
    }
    sortErrors(model, form, errors);
    return form(model, id, typedName(form));
  }

  /**
   * One row of the summary list: a field's name and its value as shown (null when not recorded).
   */
  record SummaryRow(String field, String value) {}

  /** Every field of the record, in form order, as the summary page shows it. */
  static List<SummaryRow> rows(Person person, String practiceName) {
    PersonDetails d = person.details();
    List<SummaryRow> rows = new ArrayList<>();
    rows.add(new SummaryRow("nhsNumber", person.nhsNumberFormatted()));
    rows.add(new SummaryRow("givenName", d.givenName()));
    rows.add(new SummaryRow("familyName", d.familyName()));
    rows.add(new SummaryRow("otherNames", d.otherNames()));
    rows.add(new SummaryRow("preferredName", d.preferredName()));
    rows.add(new SummaryRow("dateOfBirth", LONG_DATE.format(d.dateOfBirth())));
    rows.add(new SummaryRow("sex", d.sex().label()));
    rows.add(
        new SummaryRow(
            "genderSameAsSex", d.genderSameAsSex() == null ? null : d.genderSameAsSex().label()));
    rows.add(new SummaryRow("genderIdentity", d.genderIdentity()));
    rows.add(new SummaryRow("ethnicity", d.ethnicity() == null ? null : d.ethnicity().fullLabel()));
    rows.add(new SummaryRow("preferredLanguage", d.preferredLanguage()));
    rows.add(new SummaryRow("interpreterNeeded", yesNo(d.interpreterNeeded())));
    rows.add(new SummaryRow("addressLine1", d.addressLine1()));
    rows.add(new SummaryRow("addressLine2", d.addressLine2()));
    rows.add(new SummaryRow("town", d.town()));
    rows.add(new SummaryRow("postcode", d.postcode()));
    rows.add(new SummaryRow("phone", d.phone()));
    rows.add(new SummaryRow("phoneConsent", yesNo(d.phoneConsent())));
    rows.add(new SummaryRow("mobile", d.mobile()));
    rows.add(new SummaryRow("smsConsent", yesNo(d.smsConsent())));
    rows.add(new SummaryRow("email", d.email()));
    rows.add(new SummaryRow("emailConsent", yesNo(d.emailConsent())));
    rows.add(new SummaryRow("registeredPracticeId", practiceName));
    rows.add(new SummaryRow("deceased", yesNo(d.deceased())));
    rows.add(
        new SummaryRow(
            "dateOfDeath", d.dateOfDeath() == null ? null : LONG_DATE.format(d.dateOfDeath())));
    return rows;
  }

  private static String yesNo(boolean b) {
    return b ? "Yes" : "No";
  }

  /** The form's own checks, then the facade's rules for every field that has no error yet. */
  private PersonDetails checked(PersonForm form, BindingResult errors) {
    form.check(errors);
    PersonDetails details = form.toDetails();
    for (PersonValidationException.Problem p : people.problems(details)) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
    return details;
  }

  private static void reject(BindingResult errors, PersonValidationException e) {
    e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
  }

  /**
   * The name as typed, for the heading of a form shown again; re-reading the record is not needed.
   */
  private static String typedName(PersonForm form) {
    String name =
        ((form.getGivenName() == null ? "" : form.getGivenName().strip())
                + " "
                + (form.getFamilyName() == null ? "" : form.getFamilyName().strip()))
            .strip();
    return name.isEmpty() ? null : name;
  }

  /** Replaces the binding result with one whose field errors follow the page's order. */
  private static void sortErrors(Model model, PersonForm form, BindingResult errors) {
    BeanPropertyBindingResult sorted = new BeanPropertyBindingResult(form, "personForm");
    errors.getGlobalErrors().forEach(sorted::addError);
    errors.getFieldErrors().stream()
        .sorted(Comparator.comparingInt((FieldError e) -> position(e.getField())))
        .forEach(sorted::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "personForm", sorted);
  }

  private static int position(String field) {
    String base = field.replaceAll("(Day|Month|Year)$", "");
    int i = FIELD_ORDER.indexOf(base);
    return i < 0 ? FIELD_ORDER.size() : i;
  }

  /**
   * The add or change form.
   *
   * @param personId null when adding someone
   * @param personName for the heading; may be null
   */
  private String form(Model model, UUID personId, String personName) {
    model.addAttribute("personId", personId);
    model.addAttribute("personName", personName);
    model.addAttribute(
        "pageTitle", personId == null ? "Add a person" : "Change a person's details");
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("genderAnswers", GenderSameAsSex.values());
    Map<EthnicGroup, List<Ethnicity>> groups = new LinkedHashMap<>();
    for (EthnicGroup g : EthnicGroup.values()) {
      groups.put(g, Ethnicity.inGroup(g));
    }
    model.addAttribute("ethnicGroups", groups);
    model.addAttribute("practices", identity.organisations(OrganisationType.GP_PRACTICE));
    return "person/form";
  }

  private String organisationName(UUID id) {
    return id == null ? null : identity.organisation(id).map(Organisation::name).orElse(null);
  }

  /** The search's own address without its page, ending so that {@code page=n} can follow. */
  private static String pageHref(PersonSearchForm s) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/people");
    add(b, "name", s.getName());
    add(b, "nhsNumber", s.getNhsNumber());
    add(b, "dateOfBirthDay", s.getDateOfBirthDay());
    add(b, "dateOfBirthMonth", s.getDateOfBirthMonth());
    add(b, "dateOfBirthYear", s.getDateOfBirthYear());
    String href = b.encode().build().toUriString();
    return href + (href.contains("?") ? "&" : "?");
  }

  private static void add(UriComponentsBuilder b, String name, String value) {
    if (value != null && !value.isBlank()) {
      b.queryParam(name, value);
    }
  }
}

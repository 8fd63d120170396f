package org.waymark.person.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.person.PersonMergeConflictException;
import org.waymark.person.PersonMergeRefusedException;
import org.waymark.person.web.PersonController.SummaryRow;

/**
 * Comparing two records that may be the same person, side by side, and merging them: for service
 * managers. The page is opened from one record ({@code id}) and names the other; the manager
 * chooses which to keep.
 */
@Controller
@RequiresPermission(Permission.TRIAGE_REFERRALS)
class PersonMergeController {

  private final PersonManagement people;
  private final IdentityManagement identity;
  private final MessageSource messages;

  PersonMergeController(
      PersonManagement people, IdentityManagement identity, MessageSource messages) {
    this.people = people;
    this.identity = identity;
    this.messages = messages;
  }

  /** One field of both records as shown, and whether they differ. */
  record ComparedRow(String field, String value, String otherValue, boolean different) {}

  @GetMapping("/people/{id}/merge/{otherId}")
  String compare(@PathVariable UUID id, @PathVariable UUID otherId, Model model) {
    MergeForm form = new MergeForm();
    model.addAttribute("mergeForm", form);
    return page(model, form, id, otherId, null);
  }

  @PostMapping("/people/{id}/merge/{otherId}")
  String merge(
      @PathVariable UUID id,
      @PathVariable UUID otherId,
      @ModelAttribute("mergeForm") MergeForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    boolean keepThis = id.toString().equals(form.getKeep());
    boolean keepOther = otherId.toString().equals(form.getKeep());
    if (!keepThis && !keepOther) {
      if (!errors.hasFieldErrors("keep")) {
        errors.rejectValue("keep", "person.merge.keep.required");
      }
    } else if (form.getVersion() == null || form.getOtherVersion() == null) {
      return page(model, form, id, otherId, message("person.merge.stale"));
    } else if (!errors.hasErrors()) {
      UUID kept = keepThis ? id : otherId;
      UUID merged = keepThis ? otherId : id;
      long keptVersion = keepThis ? form.getVersion() : form.getOtherVersion();
      long mergedVersion = keepThis ? form.getOtherVersion() : form.getVersion();
      try {
        people.merge(kept, keptVersion, merged, mergedVersion);
        flash.addFlashAttribute("saved", "merged");
        return "redirect:/people/" + kept;
      } catch (PersonMergeConflictException e) {
        return page(model, form, id, otherId, message("person.merge.stale"));
      } catch (PersonMergeRefusedException e) {
        return page(model, form, id, otherId, message(e.messageKey()));
      }
    }
    return page(model, form, id, otherId, null);
  }

  /**
   * The comparison page with both records as they are now; the versions in the form become the
   * current ones, so a merge after a conflict is made against what the manager sees.
   */
  private String page(Model model, MergeForm form, UUID id, UUID otherId, String problem) {
    Person person = people.find(id);
    Person other = people.find(otherId);
    form.setVersion(person.version());
    form.setOtherVersion(other.version());
    List<SummaryRow> rows =
        PersonController.rows(person, organisationName(person.details().registeredPracticeId()));
    List<SummaryRow> otherRows =
        PersonController.rows(other, organisationName(other.details().registeredPracticeId()));
    List<ComparedRow> compared = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String a = rows.get(i).value();
      String b = otherRows.get(i).value();
      compared.add(new ComparedRow(rows.get(i).field(), a, b, !Objects.equals(a, b)));
    }
    String refusal = null;
    if (id.equals(otherId)) {
      refusal = message("person.merge.same");
    } else if (!person.organisationId().equals(other.organisationId())) {
      refusal = message("person.merge.otherOrganisation");
    }
    model.addAttribute("person", person);
    model.addAttribute("other", other);
    model.addAttribute("organisationName", organisationName(person.organisationId()));
    model.addAttribute("otherOrganisationName", organisationName(other.organisationId()));
    model.addAttribute("rows", compared);
    model.addAttribute("differences", compared.stream().filter(ComparedRow::different).count());
    model.addAttribute("problem", refusal != null ? refusal : problem);
    model.addAttribute("mergeable", refusal == null);
    return "person/merge";
  }

  private String organisationName(UUID id) {
    return id == null ? null : identity.organisation(id).map(Organisation::name).orElse(null);
  }

  private String message(String key) {
    return messages.getMessage(key, null, LocaleContextHolder.getLocale());
  }
}

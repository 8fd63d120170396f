package org.waymark.casework.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseClosedException;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseRecordValidationException;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.Casework;
import org.waymark.casework.Contact;
import org.waymark.casework.ContactDetails;
import org.waymark.casework.ContactEditConflictException;
import org.waymark.casework.ContactOutcome;
import org.waymark.casework.internal.CaseRecordReader;
import org.waymark.casework.internal.CaseRecordRules;
import org.waymark.codelist.CodeEntry;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.RecordNotFoundException;

/** A case's contacts: the timeline, and recording or changing a contact. */
@Controller
class ContactController {

  static final List<String> FIELD_ORDER =
      List.of("type", "date", "time", "outcome", "durationMinutes", "notes");

  private final Casework casework;
  private final CaseRecords records;
  private final CaseRecordReader reader;
  private final CaseRecordRules rules;
  private final CasePages pages;
  private final CodeLists codes;

  ContactController(
      Casework casework,
      CaseRecords records,
      CaseRecordReader reader,
      CaseRecordRules rules,
      CasePages pages,
      CodeLists codes) {
    this.casework = casework;
    this.records = records;
    this.reader = reader;
    this.rules = rules;
    this.pages = pages;
    this.codes = codes;
  }

  @GetMapping("/cases/{id}/contacts")
  @RequiresPermission(Permission.READ_CASEWORK)
  String list(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    pages.common(model, c);
    List<Contact> contacts = reader.contacts(c);
    model.addAttribute("contacts", pages.contactRows(contacts));
    model.addAttribute("missed", reader.missedContacts(c, contacts));
    model.addAttribute("pageTitle", "Contacts");
    return "casework/contacts";
  }

  @GetMapping("/cases/{id}/contacts/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String newContact(@PathVariable UUID id, Model model, RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    if (!c.isOpen()) {
      return pages.closed(c, "contacts", flash);
    }
    model.addAttribute("contactForm", new ContactForm());
    return form(model, c, null, null);
  }

  @PostMapping("/cases/{id}/contacts")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String create(
      @PathVariable UUID id,
      @ModelAttribute("contactForm") ContactForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    if (!c.isOpen()) {
      return pages.closed(c, "contacts", flash);
    }
    ContactDetails details = checked(form, errors, null);
    if (!errors.hasErrors()) {
      try {
        records.recordContact(id, details);
        flash.addFlashAttribute("success", pages.text("casework.contact.recorded"));
        return "redirect:/cases/" + id + "/contacts";
      } catch (CaseRecordValidationException e) {
        CasePages.reject(errors, e.problems());
      } catch (CaseClosedException e) {
        return pages.closed(c, "contacts", flash);
      }
    }
    CasePages.sortErrors(model, form, "contactForm", errors, FIELD_ORDER);
    return form(model, c, null, null);
  }

  @GetMapping("/cases/{id}/contacts/{contactId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String edit(
      @PathVariable UUID id, @PathVariable UUID contactId, Model model, RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    Contact contact = contact(c, contactId);
    if (!c.isOpen()) {
      return pages.closed(c, "contacts", flash);
    }
    model.addAttribute("contactForm", ContactForm.of(contact));
    return form(model, c, contact, null);
  }

  @PostMapping("/cases/{id}/contacts/{contactId}/edit")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String update(
      @PathVariable UUID id,
      @PathVariable UUID contactId,
      @ModelAttribute("contactForm") ContactForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    Contact contact = contact(c, contactId);
    if (!c.isOpen()) {
      return pages.closed(c, "contacts", flash);
    }
    ContactDetails details = checked(form, errors, contact.type());
    Contact conflict = null;
    if (!errors.hasErrors()) {
      try {
        records.updateContact(
            id, contactId, form.getVersion() == null ? -1 : form.getVersion(), details);
        flash.addFlashAttribute("success", pages.text("casework.contact.updated"));
        return "redirect:/cases/" + id + "/contacts";
      } catch (CaseRecordValidationException e) {
        CasePages.reject(errors, e.problems());
      } catch (CaseClosedException e) {
        return pages.closed(c, "contacts", flash);
      } catch (ContactEditConflictException e) {
        // Keep what the user typed and show the contact as it is now; a second save, now against
        // the current version, is then a deliberate choice.
        errors.reject("casework.contact.version.stale");
        conflict = e.current();
        form.setVersion(conflict.version());
      }
    }
    CasePages.sortErrors(model, form, "contactForm", errors, FIELD_ORDER);
    return form(model, c, contact, conflict);
  }

  /** The form's own checks, then the rules for every field that has no error yet. */
  private ContactDetails checked(ContactForm form, BindingResult errors, String keptType) {
    form.check(errors);
    ContactDetails details = form.toDetails();
    // The day the referral was received is checked on saving, where the case is known.
    CasePages.reject(errors, rules.contactProblems(details, keptType, Instant.now(), null));
    return details;
  }

  private Contact contact(CaseFile c, UUID contactId) {
    return reader.contact(c, contactId).orElseThrow(() -> new RecordNotFoundException("contact"));
  }

  private String form(Model model, CaseFile c, Contact contact, Contact conflict) {
    pages.common(model, c);
    model.addAttribute("contactId", contact == null ? null : contact.id());
    List<CodeEntry> types = codes.active(CodeList.CONTACT_TYPE);
    if (contact != null && types.stream().noneMatch(t -> t.code().equals(contact.type()))) {
      // A type no longer offered stays selectable on the contact that has it.
      types = new java.util.ArrayList<>(types);
      codes.find(CodeList.CONTACT_TYPE, contact.type()).ifPresent(types::add);
    }
    model.addAttribute("types", types);
    model.addAttribute("outcomes", ContactOutcome.values());
    model.addAttribute(
        "conflict", conflict == null ? null : pages.contactRows(List.of(conflict)).get(0));
    model.addAttribute("pageTitle", contact == null ? "Record a contact" : "Change a contact");
    return "casework/contact-form";
  }
}

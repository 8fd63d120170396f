package org.waymark.casework.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeader;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.CaseRecordValidationException;
import org.waymark.casework.Casework;
import org.waymark.casework.Contact;
import org.waymark.casework.Note;
import org.waymark.casework.internal.CaseAccess;
import org.waymark.casework.internal.UkTime;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.UserAccount;

/** What every case page puts in its model, and the rows its lists show. */
@Component
class CasePages {

  private final Casework casework;
  private final CaseHeaders headers;
  private final CaseAccess access;
  private final CodeLists codes;
  private final IdentityManagement identity;
  private final MessageSource messages;

  CasePages(
      Casework casework,
      CaseHeaders headers,
      CaseAccess access,
      CodeLists codes,
      IdentityManagement identity,
      MessageSource messages) {
    this.casework = casework;
    this.headers = headers;
    this.access = access;
    this.codes = codes;
    this.identity = identity;
    this.messages = messages;
  }

  /** A message's text, for a flash attribute that outlives the request. */
  String text(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }

  /** The case, which the user must be allowed to change (it may be closed, though). */
  CaseFile writable(UUID id) {
    CaseFile c = casework.find(id);
    access.requireWrite(c);
    return c;
  }

  /**
   * Back to a page of a closed case, which says that the case can no longer be changed.
   *
   * @param page the case page to go back to, such as {@code notes}
   */
  String closed(CaseFile c, String page, RedirectAttributes flash) {
    flash.addFlashAttribute("problem", text("casework.case.closed.readOnly"));
    return "redirect:/cases/" + c.id() + "/" + page;
  }

  /** The case, its header, and whether the user may change it (open and theirs to change). */
  void common(Model model, CaseFile c, CaseHeader header) {
    model.addAttribute("caseFile", c);
    model.addAttribute("header", header);
    model.addAttribute("mayWrite", c.isOpen() && access.mayWrite(c));
  }

  void common(Model model, CaseFile c) {
    common(model, c, headers.of(c));
  }

  List<ContactRow> contactRows(List<Contact> contacts) {
    return contacts.stream()
        .map(
            c ->
                new ContactRow(
                    c.id(),
                    UkTime.formatDateTime(c.contactAt()),
                    c.contactAt().toString(),
                    codes.label(CodeList.CONTACT_TYPE, c.type()),
                    c.outcome() == null ? null : c.outcome().label(),
                    c.outcome() == null ? null : c.outcome().name(),
                    c.durationMinutes() == null
                        ? null
                        : c.durationMinutes() + (c.durationMinutes() == 1 ? " minute" : " minutes"),
                    c.notes()))
        .toList();
  }

  List<NoteRow> noteRows(List<Note> notes) {
    Map<UUID, String> names = new HashMap<>();
    return notes.stream()
        .map(
            n ->
                new NoteRow(
                    n.id(),
                    n.body(),
                    n.sensitive(),
                    name(names, n.writtenBy()),
                    UkTime.formatDateTime(n.writtenAt()),
                    n.writtenAt().toString(),
                    UkTime.formatDateTime(n.enteredInErrorAt()),
                    n.enteredInErrorBy() == null ? null : name(names, n.enteredInErrorBy()),
                    n.enteredInErrorReason()))
        .toList();
  }

  String name(Map<UUID, String> cache, UUID userId) {
    return cache.computeIfAbsent(
        userId, id -> identity.user(id).map(UserAccount::displayName).orElse("Unknown user"));
  }

  String needLabel(String code) {
    return codes.label(CodeList.NEED, code);
  }

  /** Adds the rules' problems to fields that have no error yet. */
  static void reject(BindingResult errors, List<CaseRecordValidationException.Problem> problems) {
    for (CaseRecordValidationException.Problem p : problems) {
      if (!errors.hasFieldErrors(p.field())) {
        errors.rejectValue(p.field(), p.messageKey());
      }
    }
  }

  /**
   * Replaces the binding result with one whose field errors follow the page's order, so the error
   * summary lists problems in the order they appear.
   */
  static void sortErrors(
      Model model, Object form, String name, BindingResult errors, List<String> fieldOrder) {
    BeanPropertyBindingResult sorted = new BeanPropertyBindingResult(form, name);
    errors.getGlobalErrors().forEach(sorted::addError);
    errors.getFieldErrors().stream()
        .sorted(
            Comparator.comparingInt(
                (FieldError e) -> {
                  String base = e.getField().replaceAll("\\[.*$", "");
                  int i = fieldOrder.indexOf(base);
                  return i < 0 ? fieldOrder.size() : i;
                }))
        .forEach(sorted::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, sorted);
  }
}

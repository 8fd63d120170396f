package org.waymark.casework.web;

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
import org.waymark.casework.CaseNotes;
import org.waymark.casework.CaseRecordValidationException;
import org.waymark.casework.CaseRecords;
import org.waymark.casework.Casework;
import org.waymark.casework.Note;
import org.waymark.casework.internal.CaseRecordReader;
import org.waymark.casework.internal.CaseRecordRules;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.RecordNotFoundException;

/** A case's notes: the list, adding a note, and marking one as entered in error. */
@Controller
class NoteController {

  private final Casework casework;
  private final CaseRecords records;
  private final CaseRecordReader reader;
  private final CaseRecordRules rules;
  private final CasePages pages;

  NoteController(
      Casework casework,
      CaseRecords records,
      CaseRecordReader reader,
      CaseRecordRules rules,
      CasePages pages) {
    this.casework = casework;
    this.records = records;
    this.reader = reader;
    this.rules = rules;
    this.pages = pages;
  }

  @GetMapping("/cases/{id}/notes")
  @RequiresPermission(Permission.READ_CASEWORK)
  String list(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    model.addAttribute("noteForm", new NoteForm());
    return page(model, c);
  }

  @PostMapping("/cases/{id}/notes")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String add(
      @PathVariable UUID id,
      @ModelAttribute("noteForm") NoteForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    if (!c.isOpen()) {
      return pages.closed(c, "notes", flash);
    }
    CasePages.reject(errors, rules.noteProblems(form.getBody()));
    if (!errors.hasErrors()) {
      try {
        records.addNote(id, form.getBody(), form.isSensitive());
        flash.addFlashAttribute("success", pages.text("casework.note.added"));
        return "redirect:/cases/" + id + "/notes";
      } catch (CaseRecordValidationException e) {
        CasePages.reject(errors, e.problems());
      } catch (CaseClosedException e) {
        return pages.closed(c, "notes", flash);
      }
    }
    return page(model, c);
  }

  @GetMapping("/cases/{id}/notes/{noteId}/entered-in-error")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String confirmEnteredInError(
      @PathVariable UUID id, @PathVariable UUID noteId, Model model, RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    Note note = note(c, noteId);
    if (!c.isOpen()) {
      return pages.closed(c, "notes", flash);
    }
    model.addAttribute("enteredInErrorForm", new EnteredInErrorForm());
    return errorForm(model, c, note);
  }

  @PostMapping("/cases/{id}/notes/{noteId}/entered-in-error")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String markEnteredInError(
      @PathVariable UUID id,
      @PathVariable UUID noteId,
      @ModelAttribute("enteredInErrorForm") EnteredInErrorForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = pages.writable(id);
    Note note = note(c, noteId);
    if (!c.isOpen()) {
      return pages.closed(c, "notes", flash);
    }
    CasePages.reject(errors, rules.enteredInErrorProblems(form.getReason()));
    if (!errors.hasErrors()) {
      try {
        records.markNoteEnteredInError(id, noteId, form.getReason());
        flash.addFlashAttribute("success", pages.text("casework.note.markedInError"));
        return "redirect:/cases/" + id + "/notes";
      } catch (CaseRecordValidationException e) {
        CasePages.reject(errors, e.problems());
      } catch (CaseClosedException e) {
        return pages.closed(c, "notes", flash);
      }
    }
    return errorForm(model, c, note);
  }

  private String page(Model model, CaseFile c) {
    pages.common(model, c);
    CaseNotes notes = reader.notes(c);
    model.addAttribute("notes", pages.noteRows(notes.visible()));
    model.addAttribute("hiddenNotes", notes.hiddenSensitive());
    model.addAttribute("pageTitle", "Notes");
    return "casework/notes";
  }

  private String errorForm(Model model, CaseFile c, Note note) {
    pages.common(model, c);
    model.addAttribute("note", pages.noteRows(List.of(note)).get(0));
    model.addAttribute("pageTitle", "Mark a note as entered in error");
    return "casework/note-entered-in-error";
  }

  /** A note the user may see and that is not withdrawn already. */
  private Note note(CaseFile c, UUID noteId) {
    return reader
        .note(c, noteId)
        .filter(n -> !n.isEnteredInError())
        .orElseThrow(() -> new RecordNotFoundException("note"));
  }
}

package org.waymark.casework.web;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeader;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.CaseNotes;
import org.waymark.casework.Casework;
import org.waymark.casework.Contact;
import org.waymark.casework.SupportPlans;
import org.waymark.casework.internal.CaseRecordReader;
import org.waymark.casework.internal.UkTime;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.person.Person;
import org.waymark.person.PersonManagement;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/** The case summary: who, why they were referred, and the latest of the case's records. */
@Controller
class CaseController {

  static final int LATEST_CONTACTS = 5;
  static final int LATEST_NOTES = 3;

  private final Casework casework;
  private final CaseRecordReader records;
  private final CaseHeaders headers;
  private final CasePages pages;
  private final PersonManagement people;
  private final Referrals referrals;
  private final CodeLists codes;
  private final SupportPlans plans;

  CaseController(
      Casework casework,
      CaseRecordReader records,
      CaseHeaders headers,
      CasePages pages,
      PersonManagement people,
      Referrals referrals,
      CodeLists codes,
      SupportPlans plans) {
    this.casework = casework;
    this.records = records;
    this.headers = headers;
    this.pages = pages;
    this.people = people;
    this.referrals = referrals;
    this.codes = codes;
    this.plans = plans;
  }

  @GetMapping("/cases/{id}")
  @RequiresPermission(Permission.READ_CASEWORK)
  String summary(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    Person person = people.find(c.personId());
    Referral referral = referrals.find(c.referralId());
    pages.common(model, c, headers.of(c, person, referral));

    model.addAttribute(
        "needs", referral.needs().stream().map(n -> codes.label(CodeList.NEED, n)).toList());
    model.addAttribute("reason", blankToNull(referral.reason()));
    model.addAttribute("safeguarding", blankToNull(referral.safeguardingConcerns()));
    model.addAttribute("source", codes.label(CodeList.REFERRAL_SOURCE, referral.source()));
    model.addAttribute("referrerName", referral.referrer().name());
    model.addAttribute("referredOn", UkTime.formatDate(referral.receivedAt()));

    List<Contact> contacts = records.contacts(c);
    model.addAttribute("contactCount", contacts.size());
    model.addAttribute(
        "contacts", pages.contactRows(contacts.stream().limit(LATEST_CONTACTS).toList()));
    model.addAttribute("missed", records.missedContacts(c, contacts));
    model.addAttribute("firstContact", UkTime.formatDate(c.firstContactAt()));

    records
        .latestAssessment(c)
        .ifPresent(
            a -> {
              model.addAttribute("assessment", a);
              model.addAttribute("assessedOn", UkTime.formatDate(a.assessedOn()));
              model.addAttribute(
                  "assessedNeeds",
                  a.needs().stream()
                      .map(n -> AssessmentController.row(n, pages.needLabel(n.need())))
                      .toList());
            });

    model.addAttribute("goals", plans.goals(c.id()));

    CaseNotes notes = records.notes(c);
    model.addAttribute("noteCount", notes.visible().size());
    model.addAttribute(
        "notes", pages.noteRows(notes.visible().stream().limit(LATEST_NOTES).toList()));
    model.addAttribute("hiddenNotes", notes.hiddenSensitive());
    model.addAttribute("pageTitle", header(model).personName());
    return "casework/case";
  }

  private static CaseHeader header(Model model) {
    return (CaseHeader) model.getAttribute("header");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}

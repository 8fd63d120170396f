package org.waymark.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.WaymarkUser;

/** The home page: what the signed-in user's role can do, and nothing that does not exist yet. */
@Controller
class HomeController {

  private final AccessPolicy access;

  HomeController(AccessPolicy access) {
    this.access = access;
  }

  @GetMapping("/")
  @RequiresPermission(Permission.SIGNED_IN)
  String home(Model model) {
    WaymarkUser user = access.currentUser().orElseThrow();
    model.addAttribute("role", user.actingRole().orElse(null));
    model.addAttribute("mayTriage", access.may(Permission.TRIAGE_REFERRALS));
    model.addAttribute(
        "reportsLink",
        access.may(Permission.VIEW_SERVICE_REPORTS)
            ? "/reports/service"
            : access.may(Permission.VIEW_COMMISSIONER_REPORTS)
                ? "/reports/commissioner"
                : access.may(Permission.VIEW_VCS_REPORTS) ? "/reports/vcs" : null);
    model.addAttribute("mayReadCasework", access.may(Permission.READ_CASEWORK));
    model.addAttribute("mayRefer", access.may(Permission.MAKE_REFERRAL));
    model.addAttribute("mayReadOwnReferrals", access.may(Permission.READ_OWN_REFERRALS));
    model.addAttribute("mayImportReferrals", access.may(Permission.IMPORT_REFERRALS));
    model.addAttribute("mayMaintainCodeLists", access.may(Permission.MAINTAIN_CODE_LISTS));
    model.addAttribute("mayMaintainInstruments", access.may(Permission.MAINTAIN_INSTRUMENTS));
    model.addAttribute("mayReadPeople", access.may(Permission.READ_PERSON));
    model.addAttribute("mayWritePeople", access.may(Permission.WRITE_PERSON));
    model.addAttribute("maySearchDirectory", access.may(Permission.SEARCH_DIRECTORY));
    model.addAttribute("mayAnswerConnections", access.may(Permission.ANSWER_CONNECTIONS));
    model.addAttribute("mayEditListings", access.may(Permission.EDIT_DIRECTORY_LISTING));
    model.addAttribute("mayImportDirectory", access.may(Permission.IMPORT_DIRECTORY));
    model.addAttribute("mayAdminister", access.may(Permission.ADMINISTER_USERS));
    model.addAttribute("mayRegisterFhirClients", access.may(Permission.ADMINISTER_ORGANISATIONS));
    model.addAttribute("mayReadAudit", access.may(Permission.READ_AUDIT_LOG));
    model.addAttribute("mayMaintainReporting", access.may(Permission.MAINTAIN_REPORTING));
    model.addAttribute("mayReadAccessReports", access.may(Permission.READ_PERSON_ACCESS_REPORT));
    return "platform/home";
  }
}

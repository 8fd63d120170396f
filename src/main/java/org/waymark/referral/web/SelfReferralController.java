package org.waymark.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.codelist.CodeList;
import org.waymark.codelist.CodeLists;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.OrganisationType;
import org.waymark.referral.ContactMethod;
import org.waymark.referral.NewReferral;
import org.waymark.referral.Referral;
import org.waymark.referral.ReferralValidationException;
import org.waymark.referral.Referrals;
import org.waymark.referral.internal.References;
import org.waymark.referral.internal.SelfReferralThrottle;
import org.waymark.shared.PublicEndpoint;
import org.waymark.shared.RequestContext;

/**
 * The public self-referral form: anyone may refer themselves, without an account. Each address may
 * send a few an hour ({@link SelfReferralThrottle}); a form whose hidden honeypot field is filled
 * in is answered as if it were sent, and nothing is kept.
 */
@Controller
@PublicEndpoint("People refer themselves without an account")
class SelfReferralController {

  private static final String SENT_REFERENCE = "selfReferralReference";

  private final Referrals referrals;
  private final CodeLists codes;
  private final IdentityManagement identity;
  private final SelfReferralThrottle throttle;
  private final MessageSource messages;

  SelfReferralController(
      Referrals referrals,
      CodeLists codes,
      IdentityManagement identity,
      SelfReferralThrottle throttle,
      MessageSource messages) {
    this.referrals = referrals;
    this.codes = codes;
    this.identity = identity;
    this.throttle = throttle;
    this.messages = messages;
  }

  @GetMapping("/self-referral")
  String newSelfReferral(Model model) {
    model.addAttribute("selfReferralForm", new SelfReferralForm());
    return form(model);
  }

  @PostMapping("/self-referral")
  String submit(
      @ModelAttribute("selfReferralForm") SelfReferralForm form,
      BindingResult errors,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash) {
    String address = address(request);
    if (throttle.exhausted(address)) {
      return tooMany(response);
    }
    if (form.caughtByHoneypot()) {
      // Answered as if sent, so a robot learns nothing; counted, so it cannot keep trying.
      if (!throttle.tryCount(address)) {
        return tooMany(response);
      }
      flash.addFlashAttribute(SENT_REFERENCE, References.next());
      return "redirect:/self-referral/sent";
    }
    form.check(errors, this::selfKey);
    NewReferral referral = form.toNewReferral();
    FormProblems.reject(
        errors, referrals.problems(referral, false), SelfReferralForm.FIELD_ORDER, this::selfKey);
    if (!errors.hasErrors()) {
      if (!throttle.tryCount(address)) {
        return tooMany(response);
      }
      try {
        Referral saved = referrals.submitSelfReferral(referral);
        flash.addFlashAttribute(SENT_REFERENCE, saved.reference());
        return "redirect:/self-referral/sent";
      } catch (ReferralValidationException e) {
        FormProblems.reject(errors, e.problems(), SelfReferralForm.FIELD_ORDER, this::selfKey);
      }
    }
    FormProblems.sort(model, "selfReferralForm", form, errors, SelfReferralForm.FIELD_ORDER);
    return form(model);
  }

  /** The confirmation, shown once after sending (the reference travels as a flash attribute). */
  @GetMapping("/self-referral/sent")
  String sent(Model model) {
    if (!model.containsAttribute(SENT_REFERENCE)) {
      return "redirect:/self-referral";
    }
    model.addAttribute("reference", model.getAttribute(SENT_REFERENCE));
    return "referral/self-sent";
  }

  private String form(Model model) {
    model.addAttribute("practices", identity.organisations(OrganisationType.GP_PRACTICE));
    model.addAttribute("needOptions", codes.active(CodeList.NEED));
    model.addAttribute("contactMethods", ContactMethod.values());
    return "referral/self-form";
  }

  private static String tooMany(HttpServletResponse response) {
    response.setStatus(429);
    response.setHeader("Retry-After", "3600");
    return "referral/self-too-many";
  }

  /** The caller's address as the rest of the application sees it (sign-in throttling, audit). */
  private static String address(HttpServletRequest request) {
    String address = RequestContext.remoteAddress();
    return address != null ? address : request.getRemoteAddr();
  }

  /** The self-referral's own wording of a message (addressed to the person), where it has one. */
  private String selfKey(String key) {
    String own = "referral.self." + key;
    return messages.getMessage(own, null, null, Locale.UK) != null ? own : key;
  }
}

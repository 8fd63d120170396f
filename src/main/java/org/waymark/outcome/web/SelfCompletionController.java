package org.waymark.outcome.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentItem;
import org.waymark.outcome.InstrumentValidationException;
import org.waymark.outcome.ItemType;
import org.waymark.outcome.LinkOpening;
import org.waymark.outcome.Scoring;
import org.waymark.outcome.SelfCompletionForm;
import org.waymark.outcome.SelfCompletionLinks;
import org.waymark.outcome.SelfCompletionSession;
import org.waymark.outcome.SelfCompletionSessionEndedException;
import org.waymark.outcome.internal.LinkThrottle;
import org.waymark.shared.PublicEndpoint;
import org.waymark.shared.RequestContext;

/**
 * The pages a person reaches from a questionnaire link, without an account. The link's token is
 * used once, exchanged for a short session bound to its questionnaire, and taken out of the address
 * bar by a redirect; every further page works from that session only. Failed attempts to use a
 * link, and requests for new ones, are limited per network address ({@link LinkThrottle}).
 */
@Controller
@PublicEndpoint("People answer a questionnaire from a single-use link, without an account")
class SelfCompletionController {

  static final String SESSION = "waymark.selfCompletion";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

  private final SelfCompletionLinks links;
  private final LinkThrottle throttle;

  SelfCompletionController(SelfCompletionLinks links, LinkThrottle throttle) {
    this.links = links;
    this.throttle = throttle;
  }

  @GetMapping("/q/{token}")
  String open(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String address = address(request);
    if (throttle.exhausted(address)) {
      return tooMany(response);
    }
    LinkOpening opening = links.open(token);
    if (opening.result() != LinkOpening.Result.OPENED) {
      // Only failed attempts count: someone trying tokens fails nearly every time.
      throttle.tryCount(address);
    }
    switch (opening.result()) {
      case OPENED -> {
        HttpSession session = request.getSession(true);
        // A new session id, so that nobody who knew the old one shares the questionnaire.
        request.changeSessionId();
        session.setAttribute(SESSION, opening.session());
        return "redirect:/questionnaire";
      }
      case ANSWERED -> {
        return "outcome/self/answered";
      }
      case USED, EXPIRED -> {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("expired", opening.result() == LinkOpening.Result.EXPIRED);
        model.addAttribute("token", token);
        return "outcome/self/link-spent";
      }
      default -> {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "outcome/self/link-unknown";
      }
    }
  }

  @PostMapping("/q/{token}/new-link")
  String askForNewLink(
      @PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
    if (!throttle.tryCount(address(request))) {
      return tooMany(response);
    }
    links.askForNewLink(token);
    // The same answer whether or not the link was known, so the page tells a guesser nothing.
    return "redirect:/questionnaire/new-link-asked";
  }

  @GetMapping("/questionnaire/new-link-asked")
  String newLinkAsked() {
    return "outcome/self/new-link-asked";
  }

  @PostMapping("/questionnaire/new-link")
  String askForNewLinkFromSession(HttpSession session) {
    SelfCompletionSession bound = bound(session);
    if (bound != null) {
      links.askForNewLink(bound);
    }
    return "redirect:/questionnaire/new-link-asked";
  }

  @GetMapping("/questionnaire")
  String questionnaire(HttpSession session, HttpServletResponse response, Model model) {
    SelfCompletionSession bound = bound(session);
    try {
      SelfCompletionForm form = links.questionnaire(bound);
      if (form.submitted()) {
        return "redirect:/questionnaire/done";
      }
      return page(form, fields(form.instrument(), form.answers()), List.of(), model);
    } catch (SelfCompletionSessionEndedException e) {
      return ended(bound, response, model);
    }
  }

  @PostMapping("/questionnaire")
  String answer(
      @RequestParam MultiValueMap<String, String> form,
      HttpSession session,
      HttpServletResponse response,
      Model model) {
    SelfCompletionSession bound = bound(session);
    Map<String, String> posted = flatten(form);
    Map<String, String> answers;
    try {
      answers = OutcomeController.answers(links.instrument(bound), posted);
    } catch (SelfCompletionSessionEndedException e) {
      return ended(bound, response, model);
    }
    try {
      if ("save".equals(form.getFirst("action"))) {
        links.savePartly(bound, answers);
        model.addAttribute(
            "until",
            TIME.format(bound.until().atZone(OutcomeController.LONDON)).toLowerCase(Locale.UK));
        return "outcome/self/saved";
      }
      links.submit(bound, answers);
      return "redirect:/questionnaire/done";
    } catch (InstrumentValidationException e) {
      return page(links.questionnaire(bound), posted, e.problems(), model);
    } catch (SelfCompletionSessionEndedException e) {
      return ended(bound, response, model);
    }
  }

  @GetMapping("/questionnaire/done")
  String done(HttpSession session, HttpServletResponse response, Model model) {
    SelfCompletionSession bound = bound(session);
    try {
      if (links.questionnaire(bound).submitted()) {
        return "outcome/self/done";
      }
      return "redirect:/questionnaire";
    } catch (SelfCompletionSessionEndedException e) {
      return ended(bound, response, model);
    }
  }

  /** The form fields that show saved answers: answer.<item>, and a date's three boxes. */
  static Map<String, String> fields(Instrument instrument, Map<String, String> answers) {
    Map<String, String> shown = new LinkedHashMap<>();
    answers.forEach((k, v) -> shown.put("answer." + k, v));
    for (InstrumentItem item : instrument.items()) {
      String v = answers.get(item.id());
      if (item.type() == ItemType.DATE && v != null && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(v);
        shown.put("date." + item.id() + ".day", Integer.toString(d.getDayOfMonth()));
        shown.put("date." + item.id() + ".month", Integer.toString(d.getMonthValue()));
        shown.put("date." + item.id() + ".year", Integer.toString(d.getYear()));
      }
    }
    return shown;
  }

  private String page(
      SelfCompletionForm form, Map<String, String> values, List<String> problems, Model model) {
    model.addAttribute("questionnaire", form);
    model.addAttribute("instrument", form.instrument());
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    List<String> missing =
        problems.isEmpty()
            ? List.of()
            : Scoring.unanswered(
                form.instrument(), OutcomeController.answers(form.instrument(), values));
    model.addAttribute("missing", missing);
    model.addAttribute("other", problems.size() > missing.size());
    return "outcome/self/questionnaire";
  }

  private String ended(SelfCompletionSession bound, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.GONE.value());
    model.addAttribute("canAsk", bound != null);
    return "outcome/self/ended";
  }

  private String tooMany(HttpServletResponse response) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    return "outcome/self/too-many";
  }

  /** The form as posted, several values of one field (boxes ticked) joined by '|'. */
  static Map<String, String> flatten(MultiValueMap<String, String> form) {
    Map<String, String> flat = new LinkedHashMap<>();
    form.forEach(
        (k, v) ->
            flat.put(
                k, String.join("|", v.stream().filter(x -> x != null && !x.isBlank()).toList())));
    return flat;
  }

  private static SelfCompletionSession bound(HttpSession session) {
    return session != null && session.getAttribute(SESSION) instanceof SelfCompletionSession s
        ? s
        : null;
  }

  private static String address(HttpServletRequest request) {
    String address = RequestContext.remoteAddress();
    return address != null ? address : request.getRemoteAddr();
  }
}

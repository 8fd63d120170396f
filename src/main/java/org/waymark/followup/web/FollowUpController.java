package org.waymark.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseFile;
import org.waymark.followup.Answer;
import org.waymark.followup.AttemptOutcome;
import org.waymark.followup.Barrier;
import org.waymark.followup.ConnectedService;
import org.waymark.followup.FollowUp;
import org.waymark.followup.FollowUpAnswers;
import org.waymark.followup.FollowUpAttempt;
import org.waymark.followup.FollowUpConflictException;
import org.waymark.followup.FollowUpStatus;
import org.waymark.followup.FollowUpValidationException;
import org.waymark.followup.FollowUps;
import org.waymark.followup.Helped;
import org.waymark.followup.ServiceAnswer;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.identity.UserAccount;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.Instruments;
import org.waymark.outcome.Response;
import org.waymark.person.PersonManagement;

/**
 * One follow-up: its dates, what the person has said at earlier attempts, and the structured
 * follow-up the link worker records with them (on the phone or in person), pre-filled with the
 * services the case connected them to. Once completed or declined, the page shows what was
 * recorded.
 */
@Controller
class FollowUpController {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final FollowUps followUps;
  private final PersonManagement people;
  private final IdentityManagement identity;
  private final Instruments instruments;
  private final MessageSource messages;

  FollowUpController(
      FollowUps followUps,
      PersonManagement people,
      IdentityManagement identity,
      Instruments instruments,
      MessageSource messages) {
    this.followUps = followUps;
    this.people = people;
    this.identity = identity;
    this.instruments = instruments;
    this.messages = messages;
  }

  /** An attempt as the page shows it. */
  record AttemptLine(
      String outcome,
      String when,
      String by,
      FollowUpAnswers answers,
      List<ServiceLine> services) {}

  /** One service's answers as the page shows them. */
  record ServiceLine(
      String service,
      String kind,
      String went,
      String stillGoing,
      String helped,
      String barriers) {}

  /** An instrument answered at follow-up. */
  record OutcomeLine(String instrument, String on) {}

  @GetMapping("/follow-ups/{id}")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String view(@PathVariable UUID id, Model model) {
    FollowUp f = followUps.find(id);
    List<ConnectedService> services = followUps.services(f);
    RecordForm form = new RecordForm();
    form.setVersion(Long.toString(f.version()));
    for (ConnectedService s : services) {
      RecordForm.ServiceForm sf = new RecordForm.ServiceForm();
      sf.setSourceId(s.sourceId().toString());
      form.getServices().add(sf);
    }
    model.addAttribute("recordForm", form);
    return page(f, services, model);
  }

  @PostMapping("/follow-ups/{id}")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String record(
      @PathVariable UUID id,
      @ModelAttribute("recordForm") RecordForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    FollowUp f = followUps.find(id);
    List<ConnectedService> services = followUps.services(f);
    while (form.getServices().size() < services.size()) {
      form.getServices().add(new RecordForm.ServiceForm());
    }
    List<ServiceAnswer> answers = new ArrayList<>();
    for (int i = 0; i < form.getServices().size() && i < services.size(); i++) {
      RecordForm.ServiceForm sf = form.getServices().get(i);
      ConnectedService s = services.get(i);
      UUID sourceId = Web.uuid(sf.getSourceId());
      answers.add(
          new ServiceAnswer(
              s.kind(),
              sourceId == null ? s.sourceId() : sourceId,
              s.serviceName(),
              Web.choice(Answer.class, sf.getWent()),
              Web.choice(Answer.class, sf.getStillGoing()),
              Web.choice(Helped.class, sf.getHelped()),
              sf.getBarriers() == null
                  ? List.of()
                  : sf.getBarriers().stream()
                      .map(b -> Web.choice(Barrier.class, b))
                      .filter(b -> b != null)
                      .distinct()
                      .toList(),
              sf.getBarrierOther()));
    }
    AttemptOutcome outcome = Web.choice(AttemptOutcome.class, form.getOutcome());
    FollowUpAnswers given =
        new FollowUpAnswers(
            outcome,
            form.getHowTheyHaveBeen(),
            answers,
            Web.choice(Answer.class, form.getWouldComeBack()),
            form.getOwnWords(),
            form.getNote());
    try {
      followUps.record(id, Web.version(form.getVersion()), given);
    } catch (FollowUpValidationException e) {
      e.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
      return page(f, services, model);
    } catch (FollowUpConflictException e) {
      FollowUp now = followUps.find(id);
      if (now.status() != FollowUpStatus.OPEN) {
        flash.addFlashAttribute("success", text("followup.already"));
        return "redirect:/follow-ups/" + id;
      }
      response.setStatus(HttpStatus.CONFLICT.value());
      model.addAttribute("problem", text("followup.stale"));
      List<ConnectedService> fresh = followUps.services(now);
      RecordForm again = new RecordForm();
      again.setVersion(Long.toString(now.version()));
      for (ConnectedService s : fresh) {
        RecordForm.ServiceForm sf = new RecordForm.ServiceForm();
        sf.setSourceId(s.sourceId().toString());
        again.getServices().add(sf);
      }
      model.addAttribute("recordForm", again);
      return page(now, fresh, model);
    }
    flash.addFlashAttribute(
        "success",
        text(
            switch (outcome) {
              case COMPLETED -> "followup.recorded.completed";
              case NOT_REACHED -> "followup.recorded.notReached";
              case DECLINED -> "followup.recorded.declined";
            }));
    return "redirect:/follow-ups/" + id;
  }

  private String page(FollowUp f, List<ConnectedService> services, Model model) {
    CaseFile c = followUps.caseOf(f);
    LocalDate today = LocalDate.now(LONDON);
    model.addAttribute("followUp", f);
    model.addAttribute("state", f.state(today));
    model.addAttribute("daysOverdue", f.daysOverdue(today));
    model.addAttribute("caseOpen", c.isOpen());
    model.addAttribute("person", people.find(f.personId()).name());
    model.addAttribute("opens", Web.date(f.opensOn()));
    model.addAttribute("target", Web.date(f.targetOn()));
    model.addAttribute("closes", Web.date(f.closesOn()));
    model.addAttribute("countedFrom", Web.date(f.countedFrom()));
    model.addAttribute("services", services);
    model.addAttribute("open", f.status() == FollowUpStatus.OPEN);
    model.addAttribute("outcomes", AttemptOutcome.values());
    model.addAttribute("answers", Answer.values());
    model.addAttribute("helpedOptions", Helped.values());
    model.addAttribute("barrierOptions", Barrier.values());
    model.addAttribute("attempts", followUps.attempts(f).stream().map(this::line).toList());
    model.addAttribute(
        "followUpOutcomes",
        followUps.outcomesAtFollowUp(f).stream().map(this::outcomeLine).toList());
    model.addAttribute("outcomesHref", "/cases/" + f.caseId() + "/outcomes");
    model.addAttribute("instruments", instruments.current());
    return "followup/follow-up";
  }

  private AttemptLine line(FollowUpAttempt a) {
    return new AttemptLine(
        a.answers().outcome().label(),
        Web.date(LocalDate.ofInstant(a.recordedAt(), LONDON)),
        identity.user(a.recordedBy()).map(UserAccount::displayName).orElse("A former user"),
        a.answers(),
        a.answers().services().stream()
            .map(
                s ->
                    new ServiceLine(
                        s.serviceName(),
                        s.kind().label(),
                        s.went() == null ? "" : s.went().label(),
                        s.stillGoing() == null ? null : s.stillGoing().label(),
                        s.helped() == null ? null : s.helped().label(),
                        barriers(s)))
            .toList());
  }

  private static String barriers(ServiceAnswer s) {
    List<String> labels = new ArrayList<>();
    for (Barrier b : s.barriers()) {
      labels.add(
          b == Barrier.OTHER && s.barrierOther() != null
              ? b.label() + ": " + s.barrierOther()
              : b.label());
    }
    return labels.isEmpty() ? null : String.join("; ", labels);
  }

  private OutcomeLine outcomeLine(Response r) {
    String title =
        instruments
            .find(r.instrumentCode(), r.instrumentVersion())
            .map(Instrument::title)
            .orElse(r.instrumentCode());
    return new OutcomeLine(title, Web.date(r.completedOn()));
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.UK);
  }
}

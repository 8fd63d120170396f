package org.waymark.outcome.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseHeaders;
import org.waymark.casework.Casework;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentValidationException;
import org.waymark.outcome.Instruments;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.OutcomeText;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.Response;
import org.waymark.outcome.Score;
import org.waymark.outcome.ScoreChange;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.web.DateInput;

/** A case's outcomes: the answers to each instrument over time, the change, and recording them. */
@Controller
class OutcomeController {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Casework casework;
  private final CaseHeaders headers;
  private final Instruments instruments;
  private final Outcomes outcomes;
  private final MessageSource messages;

  OutcomeController(
      Casework casework,
      CaseHeaders headers,
      Instruments instruments,
      Outcomes outcomes,
      MessageSource messages) {
    this.messages = messages;
    this.casework = casework;
    this.headers = headers;
    this.instruments = instruments;
    this.outcomes = outcomes;
  }

  /** One instrument's answers over time: a row per occasion, a column per score. */
  record History(String code, String title, List<String> scoreLabels, List<Row> rows) {}

  /** One occasion's scores, each with its band. */
  record Row(String occasion, String on, List<String> values) {}

  /** A change from baseline as shown. */
  record Change(
      String instrument, String score, String from, String to, String change, String verdict) {}

  @GetMapping("/cases/{id}/outcomes")
  @RequiresPermission(Permission.READ_CASEWORK)
  String list(@PathVariable UUID id, Model model) {
    CaseFile c = casework.find(id);
    List<Response> responses = outcomes.forCase(id);
    Map<String, History> histories = new LinkedHashMap<>();
    for (Response r : responses) {
      Instrument i = instruments.find(r.instrumentCode(), r.instrumentVersion()).orElseThrow();
      History h =
          histories.computeIfAbsent(
              r.instrumentCode(),
              k ->
                  new History(
                      k,
                      i.title(),
                      i.scores().stream().map(s -> s.label()).toList(),
                      new ArrayList<>()));
      h.rows()
          .add(
              new Row(
                  r.occasion().label(),
                  DATE.format(r.completedOn()),
                  r.scores().stream().map(OutcomeController::shown).toList()));
    }
    Map<String, String> titles = new LinkedHashMap<>();
    instruments.current().forEach(i -> titles.put(i.code(), i.title()));
    model.addAttribute("caseFile", c);
    model.addAttribute("header", headers.of(c));
    model.addAttribute("histories", histories.values());
    model.addAttribute(
        "changes",
        outcomes.changes(responses).stream()
            .map(x -> change(titles.getOrDefault(x.instrumentCode(), x.instrumentCode()), x))
            .toList());
    model.addAttribute("instruments", instruments.current());
    model.addAttribute("mayWrite", c.isOpen() && casework.mayWrite(c));
    model.addAttribute("pageTitle", "Outcomes");
    return "outcome/outcomes";
  }

  @GetMapping("/cases/{id}/outcomes/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String form(@PathVariable UUID id, @RequestParam("instrument") String code, Model model) {
    CaseFile c = casework.findWritable(id);
    Instrument instrument = instrument(code);
    DateInput today = DateInput.of(LocalDate.now(LONDON));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("completedOnDay", today.day());
    values.put("completedOnMonth", today.month());
    values.put("completedOnYear", today.year());
    values.put(
        "occasion",
        outcomes.forCase(id).stream().anyMatch(r -> r.instrumentCode().equals(code))
            ? Occasion.REVIEW.name()
            : Occasion.BASELINE.name());
    return formPage(c, instrument, values, List.of(), model);
  }

  @PostMapping("/cases/{id}/outcomes")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String record(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = casework.findWritable(id);
    Instrument instrument = instrument(form.get("instrument"));
    Map<String, String> answers = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("answer.")) {
            answers.put(k.substring("answer.".length()), v);
          }
        });
    Occasion occasion = null;
    try {
      occasion = form.get("occasion") == null ? null : Occasion.valueOf(form.get("occasion"));
    } catch (IllegalArgumentException e) {
      occasion = null;
    }
    LocalDate on =
        new DateInput(
                form.get("completedOnDay"),
                form.get("completedOnMonth"),
                form.get("completedOnYear"))
            .toDate();
    try {
      outcomes.record(id, instrument.code(), occasion, on, answers);
      flash.addFlashAttribute(
          "success",
          messages.getMessage("outcome.recorded", new Object[] {instrument.title()}, Locale.UK));
      return "redirect:/cases/" + id + "/outcomes";
    } catch (InstrumentValidationException e) {
      return formPage(c, instrument, form, e.problems(), model);
    }
  }

  private String formPage(
      CaseFile c,
      Instrument instrument,
      Map<String, String> values,
      List<String> problems,
      Model model) {
    model.addAttribute("caseFile", c);
    model.addAttribute("header", headers.of(c));
    model.addAttribute("instrument", instrument);
    model.addAttribute("values", values);
    model.addAttribute("problems", problems);
    model.addAttribute("occasions", Occasion.values());
    model.addAttribute("pageTitle", instrument.title());
    return "outcome/form";
  }

  private Instrument instrument(String code) {
    return instruments
        .current(code == null ? "" : code)
        .orElseThrow(() -> new RecordNotFoundException("instrument"));
  }

  static String shown(Score s) {
    if (s.value() == null) {
      return "Not complete";
    }
    String v = OutcomeText.number(s.value());
    return s.band() == null ? v : v + " (" + s.band().toLowerCase(Locale.UK) + ")";
  }

  static Change change(String instrument, ScoreChange x) {
    return new Change(
        instrument,
        x.label(),
        OutcomeText.number(x.baseline()),
        OutcomeText.number(x.latest()),
        OutcomeText.change(x.change()),
        OutcomeText.verdict(x));
  }
}

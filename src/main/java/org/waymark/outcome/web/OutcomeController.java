package org.waymark.outcome.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import org.waymark.notification.Channel;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentValidationException;
import org.waymark.outcome.Instruments;
import org.waymark.outcome.ItemType;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.OutcomeText;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.Response;
import org.waymark.outcome.Score;
import org.waymark.outcome.ScoreChange;
import org.waymark.outcome.ScoreRule;
import org.waymark.outcome.Scoring;
import org.waymark.outcome.SelfCompletionLink;
import org.waymark.outcome.SelfCompletionLinks;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.web.DateInput;

/** A case's outcomes: the answers to each instrument over time, the change, and recording them. */
@Controller
class OutcomeController {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yy", Locale.UK);

  private final Casework casework;
  private final CaseHeaders headers;
  private final Instruments instruments;
  private final Outcomes outcomes;
  private final SelfCompletionLinks links;
  private final MessageSource messages;

  OutcomeController(
      Casework casework,
      CaseHeaders headers,
      Instruments instruments,
      Outcomes outcomes,
      SelfCompletionLinks links,
      MessageSource messages) {
    this.messages = messages;
    this.links = links;
    this.casework = casework;
    this.headers = headers;
    this.instruments = instruments;
    this.outcomes = outcomes;
  }

  /** One instrument's answers over time: a row per occasion, a column per score, and a chart. */
  record History(
      Instrument instrument,
      String code,
      String title,
      List<String> scoreLabels,
      List<Row> rows,
      List<Response> given,
      List<Given> answers) {}

  /** One occasion's answers, question by question, in words. */
  record Given(String occasion, String on, List<Answer> answers) {}

  /** One question and its answer as shown. */
  record Answer(String question, String answer) {}

  /**
   * A line chart drawn on the server: one line per score, told apart by dash pattern and a label at
   * its end (never by colour alone), with the table beside it holding the same figures.
   */
  record Chart(
      String title,
      String summary,
      String yMin,
      String yMax,
      List<Axis> xLabels,
      List<Series> series) {}

  /** An occasion on the x axis. */
  record Axis(double x, String label) {}

  /** One score's line. */
  record Series(
      String label, String points, String dash, double endX, double endY, List<double[]> marks) {}

  static final double WIDTH = 640;
  static final double HEIGHT = 260;
  static final double LEFT = 50;
  static final double RIGHT = 150;
  static final double TOP = 20;
  static final double BOTTOM = 40;
  static final List<String> DASHES = List.of("", "8 4", "2 4", "12 4 2 4");

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
                      i,
                      k,
                      i.title(),
                      i.scores().stream().map(s -> s.label()).toList(),
                      new ArrayList<>(),
                      new ArrayList<>(),
                      new ArrayList<>()));
      h.given().add(r);
      h.answers().add(given(i, r));
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
    Map<String, Chart> charts = new LinkedHashMap<>();
    histories.values().forEach(h -> charts.put(h.code(), chart(h)));
    model.addAttribute("charts", charts);
    model.addAttribute(
        "changes",
        outcomes.changes(responses).stream()
            .map(x -> change(titles.getOrDefault(x.instrumentCode(), x.instrumentCode()), x))
            .toList());
    model.addAttribute("instruments", instruments.current());
    boolean mayWrite = casework.mayWrite(c);
    model.addAttribute("mayWrite", mayWrite);
    model.addAttribute("closed", !c.isOpen());
    Instant now = Instant.now();
    model.addAttribute(
        "links",
        links.forCase(id).stream()
            .map(
                l ->
                    new LinkRow(
                        titles.getOrDefault(l.instrumentCode(), l.instrumentCode()),
                        l.occasion().label(),
                        DATE.format(l.sentAt().atZone(LONDON)),
                        l.channel() == Channel.EMAIL ? "Email" : "Text message",
                        l.status(now).label(),
                        l.status(now).name(),
                        l.submittedAt() == null && l.newLinkAskedAt() != null))
            .toList());
    if (mayWrite) {
      model.addAttribute("channels", links.channelsFor(id));
      model.addAttribute("linkDays", links.validity().toDays());
    }
    model.addAttribute(
        "occasions", c.isOpen() ? List.of(Occasion.values()) : List.of(Occasion.FOLLOW_UP));
    if (!model.containsAttribute("linkProblems")) {
      model.addAttribute("linkProblems", List.of());
      model.addAttribute("linkValues", Map.of());
    }
    model.addAttribute(
        "gp",
        outcomes.gpAppointments(id).stream()
            .map(
                g ->
                    new GpRow(
                        g.before() ? "Before the referral" : "After the referral",
                        g.months() + (g.months() == 1 ? " month" : " months"),
                        Integer.toString(g.appointments()),
                        DATE.format(g.recordedAt().atZone(LONDON))))
            .toList());
    if (!model.containsAttribute("gpProblems")) {
      model.addAttribute("gpProblems", List.of());
    }
    model.addAttribute("pageTitle", "Outcomes");
    return "outcome/outcomes";
  }

  /** A questionnaire link as the link worker sees it. */
  record LinkRow(
      String instrument,
      String occasion,
      String sentOn,
      String channel,
      String status,
      String statusCode,
      boolean newLinkAsked) {}

  @PostMapping("/cases/{id}/outcomes/links")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String sendLink(
      @PathVariable UUID id,
      @RequestParam(name = "instrument", required = false) String instrument,
      @RequestParam(name = "occasion", required = false) String occasion,
      @RequestParam(name = "channel", required = false) String channel,
      Model model,
      RedirectAttributes flash) {
    casework.findWritable(id);
    Occasion o = parse(Occasion.class, occasion);
    Channel ch = parse(Channel.class, channel);
    try {
      SelfCompletionLink sent = links.send(id, instrument, o, ch);
      flash.addFlashAttribute(
          "success",
          messages.getMessage(
              "outcome.link.sent",
              new Object[] {
                instrument(sent.instrumentCode()).title(),
                ch == Channel.EMAIL ? "email" : "text message",
                DATE.format(sent.expiresAt().atZone(LONDON))
              },
              Locale.UK));
      return "redirect:/cases/" + id + "/outcomes";
    } catch (InstrumentValidationException e) {
      model.addAttribute("linkProblems", e.problems());
      Map<String, String> values = new LinkedHashMap<>();
      values.put("instrument", instrument == null ? "" : instrument);
      values.put("occasion", occasion == null ? "" : occasion);
      values.put("channel", channel == null ? "" : channel);
      model.addAttribute("linkValues", values);
      return list(id, model);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** One GP appointment count as shown. */
  record GpRow(String period, String months, String appointments, String recordedOn) {}

  @PostMapping("/cases/{id}/outcomes/gp-appointments")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String recordGpAppointments(
      @PathVariable UUID id,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "months", required = false) String months,
      @RequestParam(name = "appointments", required = false) String appointments,
      Model model,
      RedirectAttributes flash) {
    Boolean before =
        "BEFORE".equals(period) ? Boolean.TRUE : "AFTER".equals(period) ? Boolean.FALSE : null;
    try {
      outcomes.recordGpAppointments(id, before, whole(months), whole(appointments));
      flash.addFlashAttribute(
          "success", messages.getMessage("outcome.gp.recorded", null, Locale.UK));
      return "redirect:/cases/" + id + "/outcomes";
    } catch (InstrumentValidationException e) {
      model.addAttribute("gpProblems", e.problems());
      return list(id, model);
    }
  }

  private static Integer whole(String s) {
    try {
      return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @GetMapping("/cases/{id}/outcomes/new")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String form(
      @PathVariable UUID id,
      @RequestParam("instrument") String code,
      @RequestParam(name = "occasion", required = false) String occasion,
      Model model) {
    CaseFile c = casework.findWritable(id);
    Instrument instrument = instrument(code);
    DateInput today = DateInput.of(LocalDate.now(LONDON));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("completedOnDay", today.day());
    values.put("completedOnMonth", today.month());
    values.put("completedOnYear", today.year());
    Occasion asked = parse(Occasion.class, occasion);
    values.put(
        "occasion",
        !c.isOpen()
            ? Occasion.FOLLOW_UP.name()
            : asked != null
                ? asked.name()
                : outcomes.forCase(id).stream().anyMatch(r -> r.instrumentCode().equals(code))
                    ? Occasion.REVIEW.name()
                    : Occasion.BASELINE.name());
    return formPage(c, instrument, values, List.of(), model);
  }

  @PostMapping("/cases/{id}/outcomes")
  @RequiresPermission(Permission.WRITE_CASEWORK)
  String record(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      RedirectAttributes flash) {
    CaseFile c = casework.findWritable(id);
    // A multiple choice sends a value per box ticked: stored as one answer, values joined by '|'.
    Map<String, String> form = new LinkedHashMap<>();
    posted.forEach(
        (k, v) ->
            form.put(
                k, String.join("|", v.stream().filter(x -> x != null && !x.isBlank()).toList())));
    Instrument instrument = instrument(form.get("instrument"));
    Map<String, String> answers = answers(instrument, form);
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

  /**
   * The answers in a form: each answer.<item id> as sent, and each date question's three boxes as
   * one ISO date (or as typed, if they do not make a date, so that the problem is named).
   */
  static Map<String, String> answers(Instrument instrument, Map<String, String> form) {
    Map<String, String> answers = new LinkedHashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.startsWith("answer.")) {
            answers.put(k.substring("answer.".length()), v);
          }
        });
    for (var item : instrument.items()) {
      if (item.type() != ItemType.DATE) {
        continue;
      }
      String prefix = "date." + item.id() + ".";
      DateInput typed =
          new DateInput(
              form.get(prefix + "day"), form.get(prefix + "month"), form.get(prefix + "year"));
      if (typed.isBlank()) {
        continue;
      }
      LocalDate date = typed.toDate();
      answers.put(
          item.id(),
          date != null
              ? date.toString()
              : String.join(
                  "/",
                  String.valueOf(typed.day()),
                  String.valueOf(typed.month()),
                  String.valueOf(typed.year())));
    }
    return answers;
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
    model.addAttribute(
        "occasions", c.isOpen() ? List.of(Occasion.values()) : List.of(Occasion.FOLLOW_UP));
    model.addAttribute("pageTitle", instrument.title());
    return "outcome/form";
  }

  private Instrument instrument(String code) {
    return instruments
        .current(code == null ? "" : code)
        .orElseThrow(() -> new RecordNotFoundException("instrument"));
  }

  /** The answers of one response in words: choices by their labels, dates written out. */
  static Given given(Instrument instrument, Response r) {
    List<Answer> answers = new ArrayList<>();
    for (var item : instrument.items()) {
      String value = r.answers().get(item.id());
      String shown;
      if (value == null || value.isBlank()) {
        shown = "Not answered";
      } else {
        shown =
            switch (item.type()) {
              case SINGLE_CHOICE, MULTIPLE_CHOICE ->
                  String.join(
                      ", ",
                      java.util.Arrays.stream(value.split("\\|"))
                          .map(
                              v ->
                                  item.options().stream()
                                      .filter(o -> o.value().equals(v))
                                      .map(o -> o.label())
                                      .findFirst()
                                      .orElse(v))
                          .toList());
              case DATE -> {
                try {
                  yield DATE.format(LocalDate.parse(value));
                } catch (java.time.format.DateTimeParseException e) {
                  yield value;
                }
              }
              default -> value;
            };
      }
      answers.add(new Answer(item.text(), shown));
    }
    return new Given(r.occasion().label(), DATE.format(r.completedOn()), answers);
  }

  static String shown(Score s) {
    if (s.value() == null) {
      return "Not complete";
    }
    String v = OutcomeText.number(s.value());
    return s.band() == null ? v : v + " (" + s.band().toLowerCase(Locale.UK) + ")";
  }

  /** The chart of an instrument's scores over time; null if none can be drawn. */
  static Chart chart(History h) {
    Instrument instrument = h.instrument();
    List<ScoreRule> rules = new ArrayList<>();
    BigDecimal min = null;
    BigDecimal max = null;
    for (ScoreRule rule : instrument.scores()) {
      Optional<Scoring.Limits> limits = Scoring.limits(instrument, rule);
      if (limits.isPresent() && rules.size() < DASHES.size()) {
        rules.add(rule);
        min = min == null ? limits.get().min() : min.min(limits.get().min());
        max = max == null ? limits.get().max() : max.max(limits.get().max());
      }
    }
    if (rules.isEmpty() || min.compareTo(max) >= 0) {
      return null;
    }
    List<Response> given = h.given();
    int n = given.size();
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double span = max.subtract(min).doubleValue();
    List<Axis> xs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Response r = given.get(i);
      xs.add(
          new Axis(
              LEFT + (n == 1 ? plotWidth / 2 : plotWidth * i / (n - 1)),
              r.occasion().label() + " " + SHORT.format(r.completedOn())));
    }
    List<Series> series = new ArrayList<>();
    List<String> said = new ArrayList<>();
    java.util.Set<Long> labelled = new java.util.HashSet<>();
    for (int k = 0; k < rules.size(); k++) {
      ScoreRule rule = rules.get(k);
      List<double[]> marks = new ArrayList<>();
      BigDecimal first = null;
      BigDecimal last = null;
      for (int i = 0; i < n; i++) {
        Score score =
            given.get(i).scores().stream()
                .filter(x -> x.code().equals(rule.code()))
                .findFirst()
                .orElse(null);
        if (score == null || score.value() == null) {
          continue;
        }
        first = first == null ? score.value() : first;
        last = score.value();
        double y = TOP + plotHeight * (1 - score.value().subtract(min).doubleValue() / span);
        marks.add(new double[] {xs.get(i).x(), y});
      }
      if (marks.isEmpty()) {
        continue;
      }
      StringBuilder points = new StringBuilder();
      for (double[] m : marks) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", m[0], m[1]));
      }
      double[] end = marks.get(marks.size() - 1);
      // Lines that end together get their labels one under another, never on top of each other.
      double labelY = end[1] + 4;
      while (labelled.contains(Math.round(labelY / 13))) {
        labelY += 13;
      }
      labelled.add(Math.round(labelY / 13));
      series.add(
          new Series(
              rule.label(), points.toString().strip(), DASHES.get(k), end[0] + 8, labelY, marks));
      said.add(
          rule.label()
              + (first.compareTo(last) == 0 || marks.size() == 1
                  ? " " + OutcomeText.number(last)
                  : " from " + OutcomeText.number(first) + " to " + OutcomeText.number(last)));
    }
    return new Chart(
        h.title() + " over time",
        String.join("; ", said) + ". The table below gives every figure.",
        OutcomeText.number(min),
        OutcomeText.number(max),
        xs,
        series);
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

package org.waymark.outcome.web;

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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.waymark.identity.Permission;
import org.waymark.identity.RequiresPermission;
import org.waymark.outcome.AnswerOption;
import org.waymark.outcome.Band;
import org.waymark.outcome.DraftConflictException;
import org.waymark.outcome.DraftValidationException;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentDraft;
import org.waymark.outcome.InstrumentItem;
import org.waymark.outcome.InstrumentValidationException;
import org.waymark.outcome.InstrumentVersion;
import org.waymark.outcome.ItemType;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.OutcomeText;
import org.waymark.outcome.QuestionnaireBuilder;
import org.waymark.outcome.QuestionnaireBuilder.BandInput;
import org.waymark.outcome.QuestionnaireBuilder.ItemInput;
import org.waymark.outcome.QuestionnaireBuilder.ScoreInput;
import org.waymark.outcome.ScoreRule;
import org.waymark.shared.RecordNotFoundException;

/**
 * The questionnaire builder for administrators: published instruments and their versions, drafts,
 * and changing a draft one step at a time with plain forms. Every form carries the draft version it
 * was made from, so a change made from a stale page is refused.
 */
@Controller
@RequestMapping("/admin/questionnaires")
@RequiresPermission(Permission.MAINTAIN_INSTRUMENTS)
class QuestionnaireBuilderController {

  static final String BASE = "/admin/questionnaires";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final QuestionnaireBuilder builder;
  private final MessageSource messages;

  QuestionnaireBuilderController(QuestionnaireBuilder builder, MessageSource messages) {
    this.builder = builder;
    this.messages = messages;
  }

  /** A problem as shown: the field it links to (null for the page) and its message. */
  record Shown(String field, String message) {}

  /** An instrument with its published versions, as listed. */
  record Listed(String code, String title, List<VersionRow> versions) {}

  /** One published version as listed. */
  record VersionRow(int version, String title, String source, String publishedOn) {}

  /** A type of question as offered. */
  record TypeChoice(String name, String label, String hint) {}

  static final Map<ItemType, TypeChoice> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put(
        ItemType.SCALE,
        new TypeChoice(
            "SCALE", "Scale", "A whole number from a lowest to a highest, like 0 to 10"));
    TYPES.put(
        ItemType.SINGLE_CHOICE,
        new TypeChoice(
            "SINGLE_CHOICE", "One answer from a list", "Each answer has a stored value or score"));
    TYPES.put(
        ItemType.MULTIPLE_CHOICE,
        new TypeChoice("MULTIPLE_CHOICE", "Any answers from a list", "Select all that apply"));
    TYPES.put(
        ItemType.NUMBER,
        new TypeChoice("NUMBER", "A number", "Within a lowest and highest, if you give them"));
    TYPES.put(ItemType.DATE, new TypeChoice("DATE", "A date", "Day, month and year"));
    TYPES.put(ItemType.FREE_TEXT, new TypeChoice("FREE_TEXT", "Words", "Answered in a text box"));
  }

  @GetMapping
  String list(Model model) {
    Map<String, Listed> listed = new LinkedHashMap<>();
    for (InstrumentVersion v : builder.versions()) {
      listed
          .computeIfAbsent(v.code(), c -> new Listed(c, v.title(), new ArrayList<>()))
          .versions()
          .add(
              new VersionRow(
                  v.version(),
                  v.title(),
                  v.shipped() ? "Shipped with Waymark" : "Built here",
                  DAY.format(v.publishedAt().atZone(OutcomeController.LONDON))));
    }
    List<Listed> instruments = new ArrayList<>();
    for (Listed l : listed.values()) {
      // The newest version's title names the instrument.
      instruments.add(
          new Listed(l.code(), l.versions().get(l.versions().size() - 1).title(), l.versions()));
    }
    instruments.sort(java.util.Comparator.comparing(Listed::title));
    model.addAttribute("instruments", instruments);
    model.addAttribute("drafts", builder.drafts());
    model.addAttribute("pageTitle", "Questionnaires");
    return "outcome/builder/list";
  }

  @GetMapping("/new")
  String createForm(Model model) {
    return page(model, "outcome/builder/create", "Create a questionnaire", Map.of(), List.of());
  }

  @PostMapping("/new")
  String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes flash) {
    try {
      InstrumentDraft d = builder.create(form.get("code"), form.get("title"), form.get("licence"));
      flash.addFlashAttribute("success", message("outcome.builder.created", d.code()));
      return redirect(d);
    } catch (DraftValidationException e) {
      return page(
          model, "outcome/builder/create", "Create a questionnaire", form, shown(e.problems()));
    }
  }

  @GetMapping("/{code}/versions/{version}")
  String version(@PathVariable String code, @PathVariable int version, Model model) {
    Instrument instrument = builder.published(code, version);
    model.addAttribute("instrument", instrument);
    model.addAttribute("view", view(instrument));
    model.addAttribute(
        "existingDraft",
        builder.drafts().stream()
            .filter(d -> d.code().equals(instrument.code()))
            .findFirst()
            .orElse(null));
    return page(
        model,
        "outcome/builder/version",
        instrument.title() + " version " + version,
        Map.of(),
        List.of());
  }

  @PostMapping("/{code}/versions/{version}/new-version")
  String newVersion(
      @PathVariable String code, @PathVariable int version, Model model, RedirectAttributes flash) {
    try {
      InstrumentDraft d = builder.newVersion(code, version);
      flash.addFlashAttribute(
          "success",
          message(
              "outcome.builder.newVersion",
              d.code(),
              Integer.toString(d.instrument().version()),
              Integer.toString(version)));
      return redirect(d);
    } catch (DraftValidationException e) {
      model.addAttribute("problems", shown(e.problems()));
      return version(code, version, model);
    }
  }

  @GetMapping("/drafts/{id}")
  String draft(@PathVariable UUID id, Model model) {
    return draftPage(builder.draft(id), List.of(), model);
  }

  private String draftPage(InstrumentDraft d, List<Shown> problems, Model model) {
    model.addAttribute("draft", d);
    model.addAttribute("instrument", d.instrument());
    model.addAttribute("view", view(d.instrument()));
    model.addAttribute("problems", problems);
    model.addAttribute("pageTitle", "Draft: " + d.instrument().title());
    return "outcome/builder/draft";
  }

  @GetMapping("/drafts/{id}/details")
  String detailsForm(@PathVariable UUID id, Model model) {
    InstrumentDraft d = builder.draft(id);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", d.instrument().title());
    values.put("instructions", d.instrument().instructions());
    values.put("licence", d.instrument().licence());
    values.put("version", Long.toString(d.version()));
    return draftForm(model, d, "outcome/builder/details", "Title and notes", values, List.of());
  }

  @PostMapping("/drafts/{id}/details")
  String details(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    try {
      builder.updateDetails(
          id, version(form), form.get("title"), form.get("instructions"), form.get("licence"));
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return draftForm(
          model, d, "outcome/builder/details", "Title and notes", form, shown(e.problems()));
    } catch (DraftConflictException e) {
      return stale(model, e, "outcome/builder/details", "Title and notes", form);
    }
  }

  @GetMapping("/drafts/{id}/items/new")
  String itemForm(
      @PathVariable UUID id,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "step", required = false) String step,
      Model model) {
    InstrumentDraft d = builder.draft(id);
    ItemType t = type(type);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", Long.toString(d.version()));
    if (t == null) {
      List<Shown> problems =
          type == null && step == null
              ? List.of()
              : List.of(new Shown("type", message("outcome.builder.type.required")));
      model.addAttribute("types", TYPES.values());
      return draftForm(model, d, "outcome/builder/item-type", "Add a question", values, problems);
    }
    values.put("required", "true");
    if (t == ItemType.SCALE) {
      values.put("min", "0");
      values.put("max", "10");
    }
    return itemPage(model, d, t, null, values, List.of());
  }

  @PostMapping("/drafts/{id}/items/new")
  String addItem(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    ItemType t = type(form.get("type"));
    if (t == null) {
      return "redirect:" + BASE + "/drafts/" + id + "/items/new";
    }
    try {
      builder.addItem(id, version(form), t, itemInput(form));
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return itemPage(model, d, t, null, form, shown(e.problems()));
    } catch (DraftConflictException e) {
      model.addAttribute("type", TYPES.get(t));
      model.addAttribute("item", null);
      model.addAttribute("optionRows", rows(form, "option", 6));
      return stale(model, e, "outcome/builder/item", "Add a question", form);
    }
  }

  @GetMapping("/drafts/{id}/items/{itemId}")
  String itemEditForm(@PathVariable UUID id, @PathVariable String itemId, Model model) {
    InstrumentDraft d = builder.draft(id);
    InstrumentItem item = item(d, itemId);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", Long.toString(d.version()));
    values.put("text", item.text());
    values.put("hint", item.hint());
    values.put("required", Boolean.toString(item.required()));
    values.put("min", item.min() == null ? null : item.min().toString());
    values.put("max", item.max() == null ? null : item.max().toString());
    values.put("minLabel", item.minLabel());
    values.put("maxLabel", item.maxLabel());
    for (int n = 1; n <= item.options().size(); n++) {
      values.put("option-" + n + "-label", item.options().get(n - 1).label());
      values.put("option-" + n + "-value", item.options().get(n - 1).value());
    }
    return itemPage(model, d, item.type(), item, values, List.of());
  }

  @PostMapping("/drafts/{id}/items/{itemId}")
  String updateItem(
      @PathVariable UUID id,
      @PathVariable String itemId,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    InstrumentItem item = item(d, itemId);
    try {
      builder.updateItem(id, version(form), itemId, itemInput(form));
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return itemPage(model, d, item.type(), item, form, shown(e.problems()));
    } catch (DraftConflictException e) {
      model.addAttribute("type", TYPES.get(item.type()));
      model.addAttribute("item", item);
      model.addAttribute("optionRows", rows(form, "option", 6));
      return stale(model, e, "outcome/builder/item", "Change a question", form);
    }
  }

  @PostMapping("/drafts/{id}/items/{itemId}/move")
  String moveItem(
      @PathVariable UUID id,
      @PathVariable String itemId,
      @RequestParam Map<String, String> form,
      Model model) {
    InstrumentDraft d = builder.draft(id);
    try {
      builder.moveItem(id, version(form), itemId, "up".equals(form.get("direction")));
      return "redirect:" + BASE + "/drafts/" + id + "#item-" + itemId;
    } catch (DraftConflictException e) {
      return staleDraft(model, e);
    }
  }

  @PostMapping("/drafts/{id}/items/{itemId}/remove")
  String removeItem(
      @PathVariable UUID id,
      @PathVariable String itemId,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    try {
      builder.removeItem(id, version(form), itemId);
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return draftPage(d, shown(e.problems()), model);
    } catch (DraftConflictException e) {
      return staleDraft(model, e);
    }
  }

  @GetMapping("/drafts/{id}/scores/new")
  String scoreForm(@PathVariable UUID id, Model model) {
    InstrumentDraft d = builder.draft(id);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", Long.toString(d.version()));
    values.put("higherIsBetter", "true");
    values.put("items", String.join("|", QuestionnaireBuilder.summable(d.instrument())));
    return scorePage(model, d, null, values, List.of());
  }

  @GetMapping("/drafts/{id}/scores/{code}")
  String scoreEditForm(@PathVariable UUID id, @PathVariable String code, Model model) {
    InstrumentDraft d = builder.draft(id);
    ScoreRule rule = score(d, code);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("version", Long.toString(d.version()));
    values.put("label", rule.label());
    values.put("items", String.join("|", rule.items()));
    values.put(
        "meaningfulChange",
        rule.meaningfulChange() == null ? null : OutcomeText.number(rule.meaningfulChange()));
    values.put("higherIsBetter", Boolean.toString(rule.higherIsBetter()));
    for (int n = 1; n <= rule.bands().size(); n++) {
      Band b = rule.bands().get(n - 1);
      values.put("band-" + n + "-label", b.label());
      values.put("band-" + n + "-from", OutcomeText.number(b.min()));
      values.put("band-" + n + "-to", OutcomeText.number(b.max()));
    }
    return scorePage(model, d, rule, values, List.of());
  }

  @PostMapping({"/drafts/{id}/scores/new", "/drafts/{id}/scores/{code}"})
  String saveScore(
      @PathVariable UUID id,
      @PathVariable(name = "code", required = false) String code,
      @RequestParam MultiValueMap<String, String> posted,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    ScoreRule rule = code == null ? null : score(d, code);
    Map<String, String> form = single(posted);
    List<String> items = posted.getOrDefault("items", List.of());
    String direction = form.get("higherIsBetter");
    ScoreInput input =
        new ScoreInput(
            form.get("label"),
            items,
            rows(form, "band", 0).stream()
                .map(
                    n ->
                        new BandInput(
                            form.get("band-" + n + "-label"),
                            form.get("band-" + n + "-from"),
                            form.get("band-" + n + "-to")))
                .toList(),
            form.get("meaningfulChange"),
            "true".equals(direction) ? Boolean.TRUE : "false".equals(direction) ? false : null);
    try {
      builder.saveScore(id, version(form), code, input);
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return scorePage(model, d, rule, form, shown(e.problems()));
    } catch (DraftConflictException e) {
      scoreModel(model, e.current(), rule, form);
      return stale(model, e, "outcome/builder/score", "Score", form);
    }
  }

  @PostMapping("/drafts/{id}/scores/{code}/remove")
  String removeScore(
      @PathVariable UUID id,
      @PathVariable String code,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    try {
      builder.removeScore(id, version(form), code);
      return saved(d, flash);
    } catch (DraftValidationException e) {
      return draftPage(d, shown(e.problems()), model);
    } catch (DraftConflictException e) {
      return staleDraft(model, e);
    }
  }

  @GetMapping("/drafts/{id}/preview")
  String preview(@PathVariable UUID id, Model model) {
    InstrumentDraft d = builder.draft(id);
    model.addAttribute("draft", d);
    model.addAttribute("instrument", d.instrument());
    model.addAttribute("values", Map.of());
    model.addAttribute("occasions", Occasion.values());
    model.addAttribute("pageTitle", "Preview: " + d.instrument().title());
    return "outcome/builder/preview";
  }

  @GetMapping("/drafts/{id}/publish")
  String publishForm(@PathVariable UUID id, Model model) {
    InstrumentDraft d = builder.draft(id);
    return publishPage(model, d, builder.problems(id));
  }

  @PostMapping("/drafts/{id}/publish")
  String publish(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    try {
      Instrument published = builder.publish(id, version(form));
      flash.addFlashAttribute(
          "success",
          message(
              "outcome.builder.published",
              published.title(),
              Integer.toString(published.version())));
      return "redirect:" + BASE + "/" + published.code() + "/versions/" + published.version();
    } catch (InstrumentValidationException e) {
      return publishPage(model, d, e.problems());
    } catch (DraftConflictException e) {
      model.addAttribute("stale", message("outcome.builder.stale"));
      return publishPage(model, e.current(), builder.problems(id));
    }
  }

  @GetMapping("/drafts/{id}/delete")
  String deleteForm(@PathVariable UUID id, Model model) {
    InstrumentDraft d = builder.draft(id);
    model.addAttribute("draft", d);
    model.addAttribute("problems", List.of());
    model.addAttribute("pageTitle", "Delete the draft of " + d.instrument().title());
    return "outcome/builder/delete";
  }

  @PostMapping("/drafts/{id}/delete")
  String delete(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Model model,
      RedirectAttributes flash) {
    InstrumentDraft d = builder.draft(id);
    try {
      builder.delete(id, version(form));
      flash.addFlashAttribute("success", message("outcome.builder.deleted", d.code()));
      return "redirect:" + BASE;
    } catch (DraftConflictException e) {
      return staleDraft(model, e);
    }
  }

  // ---- pages

  private String publishPage(Model model, InstrumentDraft d, List<String> problems) {
    model.addAttribute("draft", d);
    model.addAttribute("publishProblems", problems);
    model.addAttribute("pageTitle", "Publish " + d.instrument().title());
    return "outcome/builder/publish";
  }

  private String itemPage(
      Model model,
      InstrumentDraft d,
      ItemType type,
      InstrumentItem item,
      Map<String, String> values,
      List<Shown> problems) {
    model.addAttribute("type", TYPES.get(type));
    model.addAttribute("item", item);
    model.addAttribute("optionRows", rows(values, "option", 6));
    return draftForm(
        model,
        d,
        "outcome/builder/item",
        item == null ? "Add a question" : "Change a question",
        values,
        problems);
  }

  private String scorePage(
      Model model,
      InstrumentDraft d,
      ScoreRule rule,
      Map<String, String> values,
      List<Shown> problems) {
    scoreModel(model, d, rule, values);
    return draftForm(
        model,
        d,
        "outcome/builder/score",
        rule == null ? "Add a score" : "Change a score",
        values,
        problems);
  }

  private void scoreModel(Model model, InstrumentDraft d, ScoreRule rule, Map<String, String> v) {
    model.addAttribute("score", rule);
    model.addAttribute("bandRows", rows(v, "band", 4));
    model.addAttribute(
        "chosenItems", v.get("items") == null ? List.of() : List.of(v.get("items").split("\\|")));
    model.addAttribute(
        "summable",
        d.instrument().items().stream()
            .filter(i -> QuestionnaireBuilder.summable(d.instrument()).contains(i.id()))
            .toList());
  }

  private String draftForm(
      Model model,
      InstrumentDraft d,
      String view,
      String title,
      Map<String, String> values,
      List<Shown> problems) {
    model.addAttribute("draft", d);
    return page(model, view, title, values, problems);
  }

  private String page(
      Model model, String view, String title, Map<String, String> values, List<Shown> problems) {
    model.addAttribute("values", values);
    if (!model.containsAttribute("problems") || !problems.isEmpty()) {
      model.addAttribute("problems", problems);
    }
    Map<String, String> errors = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Shown> all = (List<Shown>) model.getAttribute("problems");
    for (Shown s : all) {
      if (s.field() != null) {
        errors.putIfAbsent(s.field(), s.message());
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute("pageTitle", title);
    return view;
  }

  /**
   * A form sent from a page older than the draft: shown again with what was entered and the stale
   * message, against the draft as it is now (its version, so saving again is a choice).
   */
  private String stale(
      Model model, DraftConflictException e, String view, String title, Map<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>(form);
    values.put("version", Long.toString(e.current().version()));
    return draftForm(
        model,
        e.current(),
        view,
        title,
        values,
        List.of(new Shown(null, message("outcome.builder.stale"))));
  }

  private String staleDraft(Model model, DraftConflictException e) {
    return draftPage(
        e.current(), List.of(new Shown(null, message("outcome.builder.stale"))), model);
  }

  private String saved(InstrumentDraft d, RedirectAttributes flash) {
    flash.addFlashAttribute("success", message("outcome.builder.saved"));
    return redirect(d);
  }

  private static String redirect(InstrumentDraft d) {
    return "redirect:" + BASE + "/drafts/" + d.id();
  }

  // ---- reading forms

  private static ItemInput itemInput(Map<String, String> form) {
    List<AnswerOption> options = new ArrayList<>();
    for (int n : rows(form, "option", 0)) {
      options.add(
          new AnswerOption(form.get("option-" + n + "-value"), form.get("option-" + n + "-label")));
    }
    return new ItemInput(
        form.get("text"),
        form.get("hint"),
        "true".equals(form.get("required")),
        form.get("min"),
        form.get("max"),
        form.get("minLabel"),
        form.get("maxLabel"),
        options);
  }

  /**
   * The numbers of the rows a form has (or will show) for options or bands: every row given, plus
   * empty ones to fill in, at least {@code least} in all.
   */
  static List<Integer> rows(Map<String, String> values, String prefix, int least) {
    int last = 0;
    for (String k : values.keySet()) {
      if (k.startsWith(prefix + "-")) {
        String[] parts = k.split("-");
        if (parts.length == 3 && parts[1].matches("\\d{1,2}")) {
          last = Math.max(last, Integer.parseInt(parts[1]));
        }
      }
    }
    int shown = least == 0 ? last : Math.max(least, last + 3);
    List<Integer> rows = new ArrayList<>();
    for (int n = 1; n <= Math.min(shown, 50); n++) {
      rows.add(n);
    }
    return rows;
  }

  private static Map<String, String> single(MultiValueMap<String, String> posted) {
    Map<String, String> form = new LinkedHashMap<>();
    posted.forEach((k, v) -> form.put(k, String.join("|", v)));
    return form;
  }

  private static long version(Map<String, String> form) {
    try {
      return Long.parseLong(form.getOrDefault("version", "").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ItemType type(String name) {
    if (name == null) {
      return null;
    }
    try {
      return ItemType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static InstrumentItem item(InstrumentDraft d, String itemId) {
    return d.instrument().item(itemId).orElseThrow(() -> new RecordNotFoundException("question"));
  }

  private static ScoreRule score(InstrumentDraft d, String code) {
    return d.instrument().score(code).orElseThrow(() -> new RecordNotFoundException("score"));
  }

  private List<Shown> shown(List<DraftValidationException.Problem> problems) {
    return problems.stream()
        .map(p -> new Shown(p.field(), message(p.key(), p.args().toArray())))
        .toList();
  }

  private String message(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }

  // ---- the definition as shown

  /** A question as shown in the read-only view of a definition. */
  record ItemView(
      String id,
      int number,
      String text,
      String hint,
      String type,
      String answers,
      boolean required) {}

  /** A score as shown. */
  record ScoreView(
      String code,
      String label,
      String adds,
      List<String> bands,
      String meaningfulChange,
      String direction,
      boolean changeable) {}

  /** A definition as shown. */
  record DefinitionView(List<ItemView> items, List<ScoreView> scores) {}

  static DefinitionView view(Instrument i) {
    List<ItemView> items = new ArrayList<>();
    for (int n = 1; n <= i.items().size(); n++) {
      InstrumentItem item = i.items().get(n - 1);
      items.add(
          new ItemView(
              item.id(),
              n,
              item.text(),
              item.hint(),
              TYPES.get(item.type()).label(),
              answers(item),
              item.required()));
    }
    List<ScoreView> scores = new ArrayList<>();
    for (ScoreRule s : i.scores()) {
      String adds =
          switch (s.method()) {
            case ITEM, SUM ->
                "Adds up "
                    + String.join(
                        ", ",
                        s.items().stream()
                            .map(
                                id ->
                                    i.item(id)
                                        .map(x -> "question " + (i.items().indexOf(x) + 1))
                                        .orElse(id))
                            .toList());
            case LOOKUP -> "Converts " + s.from() + " through a table";
          };
      scores.add(
          new ScoreView(
              s.code(),
              s.label(),
              adds,
              s.bands().stream()
                  .map(
                      b ->
                          b.label()
                              + ": "
                              + OutcomeText.number(b.min())
                              + " to "
                              + OutcomeText.number(b.max()))
                  .toList(),
              s.meaningfulChange() == null
                  ? "None given"
                  : OutcomeText.number(s.meaningfulChange()),
              s.higherIsBetter() ? "Higher is better" : "Lower is better",
              s.method() != org.waymark.outcome.ScoreMethod.LOOKUP));
    }
    return new DefinitionView(items, scores);
  }

  private static String answers(InstrumentItem item) {
    return switch (item.type()) {
      case SCALE ->
          item.min()
              + (item.minLabel() == null ? "" : " (" + item.minLabel() + ")")
              + " to "
              + item.max()
              + (item.maxLabel() == null ? "" : " (" + item.maxLabel() + ")");
      case SINGLE_CHOICE, MULTIPLE_CHOICE ->
          String.join(
              "; ", item.options().stream().map(o -> o.label() + " = " + o.value()).toList());
      case NUMBER ->
          item.min() == null && item.max() == null
              ? "Any number"
              : "From "
                  + (item.min() == null ? "any" : item.min())
                  + " to "
                  + (item.max() == null ? "any" : item.max());
      case DATE -> "A date";
      case FREE_TEXT -> "Words, up to 4,000 characters";
    };
  }
}

package org.waymark.outcome;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.WaymarkUser;
import org.waymark.outcome.DraftValidationException.Problem;
import org.waymark.outcome.internal.InstrumentDraftStore;
import org.waymark.shared.RecordNotFoundException;

/**
 * The administrators' questionnaire builder: questionnaires are built as drafts (stored, one per
 * code at a time), changed one step at a time, and published through {@link Instruments#publish} as
 * a version that never changes. Every method needs {@link Permission#MAINTAIN_INSTRUMENTS} (a
 * refusal is audited and thrown). Every change names the draft version it was made from and throws
 * {@link DraftConflictException} if the draft changed since; a change that breaks a rule throws
 * {@link DraftValidationException}. Either way nothing is written.
 */
@Service
public class QuestionnaireBuilder {

  static final String RECORD_TYPE = "outcome_instrument";
  static final int MAX_TEXT = 500;
  static final int MAX_LABEL = 200;
  static final int MAX_VALUE = 50;
  static final int MAX_NOTE = 2000;
  static final int MAX_SCALE_POINTS = 21;

  private final Instruments instruments;
  private final InstrumentDraftStore drafts;
  private final AccessPolicy access;
  private final AuditLog audit;

  QuestionnaireBuilder(
      Instruments instruments, InstrumentDraftStore drafts, AccessPolicy access, AuditLog audit) {
    this.instruments = instruments;
    this.drafts = drafts;
    this.access = access;
    this.audit = audit;
  }

  /**
   * A question as typed into the builder's form: numbers as typed, so that what is wrong with them
   * can be named.
   *
   * @param min for SCALE (required) and NUMBER (optional), the lowest answer as typed
   * @param max for SCALE (required) and NUMBER (optional), the highest answer as typed
   * @param options for SINGLE_CHOICE and MULTIPLE_CHOICE, the rows of the form; empty rows are left
   *     out
   */
  public record ItemInput(
      String text,
      String hint,
      boolean required,
      String min,
      String max,
      String minLabel,
      String maxLabel,
      List<AnswerOption> options) {

    public ItemInput {
      options = options == null ? List.of() : List.copyOf(options);
    }
  }

  /**
   * A score as typed: the sum of the chosen questions.
   *
   * @param items the ids of the questions added up
   * @param bands the rows of the form; empty rows are left out
   * @param meaningfulChange as typed; blank for none
   * @param higherIsBetter null if not chosen
   */
  public record ScoreInput(
      String label,
      List<String> items,
      List<BandInput> bands,
      String meaningfulChange,
      Boolean higherIsBetter) {

    public ScoreInput {
      items = items == null ? List.of() : List.copyOf(items);
      bands = bands == null ? List.of() : List.copyOf(bands);
    }
  }

  /** One band as typed: a label and the range it covers, both ends included. */
  public record BandInput(String label, String from, String to) {}

  /** Every published version of every instrument, by code and version. */
  @Transactional(readOnly = true)
  public List<InstrumentVersion> versions() {
    require(null);
    return instruments.versions();
  }

  /** One published version, exactly as published. */
  @Transactional(readOnly = true)
  public Instrument published(String code, int version) {
    require(code);
    return instruments
        .find(code, version)
        .orElseThrow(() -> new RecordNotFoundException("instrument"));
  }

  /** Every draft in progress, by code. */
  @Transactional(readOnly = true)
  public List<InstrumentDraft> drafts() {
    require(null);
    return drafts.all();
  }

  /**
   * One draft.
   *
   * @throws RecordNotFoundException if there is no such draft (it may have been published)
   */
  @Transactional(readOnly = true)
  public InstrumentDraft draft(UUID id) {
    require(id);
    return find(id);
  }

  /**
   * Starts a new questionnaire as a draft of version 1. The code is trimmed and put in capitals.
   * Audited as {@code INSTRUMENT_DRAFT_CREATED}.
   *
   * @param licence who owns it and on what terms it may be used, or its purpose; may be blank
   * @throws DraftValidationException if the code is malformed or taken (published or drafted), the
   *     title missing or a text too long
   */
  @Transactional
  public InstrumentDraft create(String code, String title, String licence) {
    String c = clean(code) == null ? null : clean(code).toUpperCase(Locale.ROOT);
    require(c);
    List<Problem> problems = new ArrayList<>();
    if (c == null) {
      problems.add(Problem.of("code", "outcome.builder.code.required"));
    } else if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
      problems.add(Problem.of("code", "outcome.builder.code.invalid"));
    } else if (instruments.current(c).isPresent() || drafts.forCode(c).isPresent()) {
      problems.add(Problem.of("code", "outcome.builder.code.taken", c));
    }
    details(problems, title, null, licence);
    if (!problems.isEmpty()) {
      throw new DraftValidationException(problems);
    }
    Instrument instrument =
        new Instrument(c, 1, clean(title), null, clean(licence), List.of(), List.of());
    UUID id = UUID.randomUUID();
    if (!drafts.insert(id, instrument, currentUser())) {
      throw new DraftValidationException(
          List.of(Problem.of("code", "outcome.builder.code.taken", c)));
    }
    audit.record(
        AuditEntry.allowed("INSTRUMENT_DRAFT_CREATED", RECORD_TYPE, c, null).withDetail(c + " v1"));
    return find(id);
  }

  /**
   * Copies a published version into a draft of the next version (one above the newest published).
   * Audited as {@code INSTRUMENT_DRAFT_CREATED}.
   *
   * @throws RecordNotFoundException if that version is not published
   * @throws DraftValidationException if the code has a draft already
   */
  @Transactional
  public InstrumentDraft newVersion(String code, int version) {
    require(code);
    Instrument from =
        instruments
            .find(code, version)
            .orElseThrow(() -> new RecordNotFoundException("instrument"));
    if (drafts.forCode(code).isPresent()) {
      throw new DraftValidationException(
          List.of(Problem.of(null, "outcome.builder.draft.exists", code)));
    }
    int next = instruments.current(code).orElseThrow().version() + 1;
    Instrument copy =
        new Instrument(
            from.code(),
            next,
            from.title(),
            from.instructions(),
            from.licence(),
            from.items(),
            from.scores());
    UUID id = UUID.randomUUID();
    if (!drafts.insert(id, copy, currentUser())) {
      throw new DraftValidationException(
          List.of(Problem.of(null, "outcome.builder.draft.exists", code)));
    }
    audit.record(
        AuditEntry.allowed("INSTRUMENT_DRAFT_CREATED", RECORD_TYPE, code, null)
            .withDetail(code + " v" + next + " from v" + version));
    return find(id);
  }

  /** Changes the title, the instructions and the licence or purpose note. */
  @Transactional
  public InstrumentDraft updateDetails(
      UUID id, long version, String title, String instructions, String licence) {
    return change(
        id,
        version,
        i -> {
          List<Problem> problems = new ArrayList<>();
          details(problems, title, instructions, licence);
          check(problems);
          return new Instrument(
              i.code(),
              i.version(),
              clean(title),
              clean(instructions),
              clean(licence),
              i.items(),
              i.scores());
        });
  }

  /** Adds a question of the given type at the end, with an id of its own that never changes. */
  @Transactional
  public InstrumentDraft addItem(UUID id, long version, ItemType type, ItemInput input) {
    return change(
        id,
        version,
        i -> {
          if (type == null) {
            check(List.of(Problem.of("type", "outcome.builder.type.required")));
          }
          List<InstrumentItem> items = new ArrayList<>(i.items());
          items.add(item(nextItemId(i), type, input));
          return with(i, items, i.scores());
        });
  }

  /** Changes a question's wording, hint, whether it must be answered, and its answers. */
  @Transactional
  public InstrumentDraft updateItem(UUID id, long version, String itemId, ItemInput input) {
    return change(
        id,
        version,
        i -> {
          InstrumentItem now = item(i, itemId);
          InstrumentItem typed = item(now.id(), now.type(), input);
          InstrumentItem changed = typed;
          if (now.type() == ItemType.SCALE && !now.options().isEmpty()) {
            // Names of the scale's points are not edited here: those still on the scale are kept.
            changed =
                new InstrumentItem(
                    typed.id(),
                    typed.text(),
                    typed.type(),
                    typed.required(),
                    typed.min(),
                    typed.max(),
                    typed.minLabel(),
                    typed.maxLabel(),
                    now.options().stream().filter(o -> onScale(o, typed)).toList(),
                    typed.hint());
          }
          List<InstrumentItem> items = new ArrayList<>(i.items());
          items.set(items.indexOf(now), changed);
          return with(i, items, i.scores());
        });
  }

  /** Moves a question one place up or down; at the top or bottom already, nothing moves. */
  @Transactional
  public InstrumentDraft moveItem(UUID id, long version, String itemId, boolean up) {
    return change(
        id,
        version,
        i -> {
          List<InstrumentItem> items = new ArrayList<>(i.items());
          int at = items.indexOf(item(i, itemId));
          int to = up ? at - 1 : at + 1;
          if (to >= 0 && to < items.size()) {
            items.set(at, items.get(to));
            items.set(to, item(i, itemId));
          }
          return with(i, items, i.scores());
        });
  }

  /**
   * Removes a question.
   *
   * @throws DraftValidationException if a score adds it up
   */
  @Transactional
  public InstrumentDraft removeItem(UUID id, long version, String itemId) {
    return change(
        id,
        version,
        i -> {
          InstrumentItem gone = item(i, itemId);
          for (ScoreRule s : i.scores()) {
            if (s.items().contains(gone.id()) || gone.id().equals(s.from())) {
              check(List.of(Problem.of(null, "outcome.builder.item.inScore", s.label())));
            }
          }
          List<InstrumentItem> items = new ArrayList<>(i.items());
          items.remove(gone);
          return with(i, items, i.scores());
        });
  }

  /**
   * Adds a score (code null) or changes one: the sum of the chosen questions, with optional bands,
   * the smallest meaningful change and whether higher is better. A new score's code is made from
   * its label and never changes.
   */
  @Transactional
  public InstrumentDraft saveScore(UUID id, long version, String code, ScoreInput input) {
    return change(
        id,
        version,
        i -> {
          List<ScoreRule> scores = new ArrayList<>(i.scores());
          ScoreRule now = code == null ? null : score(i, code);
          if (now != null && now.method() == ScoreMethod.LOOKUP) {
            check(List.of(Problem.of(null, "outcome.builder.score.lookup", now.label())));
          }
          ScoreRule rule = score(i, now == null ? null : now.code(), input);
          if (now != null && now.method() == ScoreMethod.ITEM && rule.items().size() == 1) {
            // A score of one question stays one, as it was defined.
            rule =
                new ScoreRule(
                    rule.code(),
                    rule.label(),
                    ScoreMethod.ITEM,
                    rule.items(),
                    null,
                    null,
                    rule.bands(),
                    rule.meaningfulChange(),
                    rule.higherIsBetter());
          }
          if (now == null) {
            scores.add(rule);
          } else {
            scores.set(scores.indexOf(now), rule);
          }
          return with(i, i.items(), scores);
        });
  }

  /**
   * Removes a score.
   *
   * @throws DraftValidationException if another score converts it
   */
  @Transactional
  public InstrumentDraft removeScore(UUID id, long version, String code) {
    return change(
        id,
        version,
        i -> {
          ScoreRule gone = score(i, code);
          for (ScoreRule s : i.scores()) {
            if (gone.code().equals(s.from())) {
              check(List.of(Problem.of(null, "outcome.builder.score.converted", s.label())));
            }
          }
          List<ScoreRule> scores = new ArrayList<>(i.scores());
          scores.remove(gone);
          return with(i, i.items(), scores);
        });
  }

  /**
   * Deletes a draft; published versions stay as they are. Audited as {@code
   * INSTRUMENT_DRAFT_DELETED}.
   */
  @Transactional
  public void delete(UUID id, long version) {
    require(id);
    InstrumentDraft draft = current(id, version);
    if (!drafts.delete(id, version)) {
      throw new DraftConflictException(find(id));
    }
    audit.record(
        AuditEntry.allowed("INSTRUMENT_DRAFT_DELETED", RECORD_TYPE, draft.code(), null)
            .withDetail(draft.code() + " v" + draft.instrument().version()));
  }

  /**
   * What stops a draft from being published, in words; empty if it can be.
   *
   * @see Scoring#problems(Instrument)
   */
  @Transactional(readOnly = true)
  public List<String> problems(UUID id) {
    require(id);
    return Scoring.problems(find(id).instrument());
  }

  /**
   * Publishes a draft through {@link Instruments#publish}: the version is stored for good and the
   * draft goes, in one transaction. Audited as {@code INSTRUMENT_PUBLISHED} with the code and
   * version.
   *
   * @throws InstrumentValidationException naming what breaks a rule; nothing is published
   */
  @Transactional
  public Instrument publish(UUID id, long version) {
    require(id);
    Instrument instrument = current(id, version).instrument();
    List<String> problems = Scoring.problems(instrument);
    if (!problems.isEmpty()) {
      throw new InstrumentValidationException(problems);
    }
    instruments.publish(instrument);
    if (!drafts.delete(id, version)) {
      throw new DraftConflictException(find(id));
    }
    audit.record(
        AuditEntry.allowed("INSTRUMENT_PUBLISHED", RECORD_TYPE, instrument.code(), null)
            .withDetail(instrument.code() + " v" + instrument.version()));
    return instrument;
  }

  /** The numbers questions of a definition can be added up from: their ids. */
  public static Set<String> summable(Instrument instrument) {
    Set<String> ids = new java.util.LinkedHashSet<>();
    for (InstrumentItem item : instrument.items()) {
      if (numeric(item)) {
        ids.add(item.id());
      }
    }
    return ids;
  }

  private static boolean onScale(AnswerOption o, InstrumentItem scale) {
    try {
      int v = Integer.parseInt(o.value());
      return v >= scale.min() && v <= scale.max();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean numeric(InstrumentItem item) {
    return switch (item.type()) {
      case SCALE, NUMBER -> true;
      case SINGLE_CHOICE ->
          !item.options().isEmpty()
              && item.options().stream().allMatch(o -> o.value().matches("-?\\d+"));
      default -> false;
    };
  }

  private InstrumentDraft change(UUID id, long version, UnaryOperator<Instrument> change) {
    require(id);
    InstrumentDraft draft = current(id, version);
    Instrument changed = change.apply(draft.instrument());
    if (!drafts.update(id, version, changed)) {
      throw new DraftConflictException(find(id));
    }
    return find(id);
  }

  private InstrumentDraft current(UUID id, long version) {
    InstrumentDraft draft = find(id);
    if (draft.version() != version) {
      throw new DraftConflictException(draft);
    }
    return draft;
  }

  private InstrumentDraft find(UUID id) {
    return drafts.find(id).orElseThrow(() -> new RecordNotFoundException("questionnaire draft"));
  }

  private static Instrument with(Instrument i, List<InstrumentItem> items, List<ScoreRule> scores) {
    return new Instrument(
        i.code(), i.version(), i.title(), i.instructions(), i.licence(), items, scores);
  }

  private static InstrumentItem item(Instrument i, String itemId) {
    return i.item(itemId).orElseThrow(() -> new RecordNotFoundException("question"));
  }

  private static ScoreRule score(Instrument i, String code) {
    return i.score(code).orElseThrow(() -> new RecordNotFoundException("score"));
  }

  private static String nextItemId(Instrument i) {
    Set<String> taken = new HashSet<>();
    i.items().forEach(x -> taken.add(x.id()));
    int n = i.items().size() + 1;
    while (taken.contains("q" + n)) {
      n++;
    }
    return "q" + n;
  }

  private static void details(
      List<Problem> problems, String title, String instructions, String licence) {
    if (clean(title) == null) {
      problems.add(Problem.of("title", "outcome.builder.title.required"));
    } else if (clean(title).length() > MAX_LABEL) {
      problems.add(Problem.of("title", "outcome.builder.tooLong", MAX_LABEL));
    }
    if (clean(instructions) != null && clean(instructions).length() > MAX_NOTE) {
      problems.add(Problem.of("instructions", "outcome.builder.tooLong", MAX_NOTE));
    }
    if (clean(licence) != null && clean(licence).length() > MAX_NOTE) {
      problems.add(Problem.of("licence", "outcome.builder.tooLong", MAX_NOTE));
    }
  }

  private static InstrumentItem item(String id, ItemType type, ItemInput in) {
    List<Problem> problems = new ArrayList<>();
    String text = clean(in.text());
    if (text == null) {
      problems.add(Problem.of("text", "outcome.builder.text.required"));
    } else if (text.length() > MAX_TEXT) {
      problems.add(Problem.of("text", "outcome.builder.tooLong", MAX_TEXT));
    }
    String hint = clean(in.hint());
    if (hint != null && hint.length() > MAX_TEXT) {
      problems.add(Problem.of("hint", "outcome.builder.tooLong", MAX_TEXT));
    }
    Integer min = null;
    Integer max = null;
    String minLabel = null;
    String maxLabel = null;
    List<AnswerOption> options = List.of();
    switch (type) {
      case SCALE -> {
        min = whole(problems, "min", in.min(), true);
        max = whole(problems, "max", in.max(), true);
        if (min != null && max != null && (max <= min || max - min >= MAX_SCALE_POINTS)) {
          problems.add(Problem.of("max", "outcome.builder.scale.range", MAX_SCALE_POINTS - 1));
        }
        minLabel = label(problems, "minLabel", in.minLabel());
        maxLabel = label(problems, "maxLabel", in.maxLabel());
      }
      case NUMBER -> {
        min = whole(problems, "min", in.min(), false);
        max = whole(problems, "max", in.max(), false);
        if (min != null && max != null && max < min) {
          problems.add(Problem.of("max", "outcome.builder.number.range"));
        }
      }
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> options = options(problems, in.options());
      case DATE, FREE_TEXT -> {}
    }
    check(problems);
    return new InstrumentItem(
        id, text, type, in.required(), min, max, minLabel, maxLabel, options, hint);
  }

  private static List<AnswerOption> options(List<Problem> problems, List<AnswerOption> rows) {
    List<AnswerOption> options = new ArrayList<>();
    Set<String> values = new HashSet<>();
    for (int n = 1; n <= rows.size(); n++) {
      String label = clean(rows.get(n - 1).label());
      String value = clean(rows.get(n - 1).value());
      if (label == null && value == null) {
        continue;
      }
      String field = "option-" + n;
      if (label == null) {
        problems.add(Problem.of(field + "-label", "outcome.builder.option.label", n));
      } else if (label.length() > MAX_LABEL) {
        problems.add(Problem.of(field + "-label", "outcome.builder.tooLong", MAX_LABEL));
      }
      if (value == null) {
        problems.add(Problem.of(field + "-value", "outcome.builder.option.value", n));
      } else if (value.length() > MAX_VALUE || value.contains("|")) {
        problems.add(Problem.of(field + "-value", "outcome.builder.option.valueForm", n));
      } else if (!values.add(value)) {
        problems.add(Problem.of(field + "-value", "outcome.builder.option.duplicate", value));
      }
      options.add(new AnswerOption(value, label));
    }
    if (options.size() < 2) {
      problems.add(Problem.of("option-1-label", "outcome.builder.option.twoAtLeast"));
    }
    return options;
  }

  private ScoreRule score(Instrument i, String code, ScoreInput in) {
    List<Problem> problems = new ArrayList<>();
    String label = clean(in.label());
    if (label == null) {
      problems.add(Problem.of("label", "outcome.builder.score.label"));
    } else if (label.length() > MAX_LABEL) {
      problems.add(Problem.of("label", "outcome.builder.tooLong", MAX_LABEL));
    }
    Set<String> summable = summable(i);
    List<String> items = new ArrayList<>();
    for (InstrumentItem item : i.items()) {
      if (in.items().contains(item.id())) {
        items.add(item.id());
      }
    }
    if (items.isEmpty()) {
      problems.add(Problem.of("items", "outcome.builder.score.items"));
    }
    for (String id : items) {
      if (!summable.contains(id)) {
        problems.add(Problem.of("items", "outcome.builder.score.notNumber", item(i, id).text()));
      }
    }
    List<Band> bands = new ArrayList<>();
    for (int n = 1; n <= in.bands().size(); n++) {
      BandInput b = in.bands().get(n - 1);
      String bl = clean(b.label());
      if (bl == null && clean(b.from()) == null && clean(b.to()) == null) {
        continue;
      }
      String field = "band-" + n;
      BigDecimal from = decimal(b.from());
      BigDecimal to = decimal(b.to());
      if (bl == null) {
        problems.add(Problem.of(field + "-label", "outcome.builder.band.label", n));
      } else if (bl.length() > MAX_LABEL) {
        problems.add(Problem.of(field + "-label", "outcome.builder.tooLong", MAX_LABEL));
      }
      if (from == null) {
        problems.add(Problem.of(field + "-from", "outcome.builder.band.from", n));
      }
      if (to == null) {
        problems.add(Problem.of(field + "-to", "outcome.builder.band.to", n));
      }
      if (from != null && to != null) {
        if (from.compareTo(to) > 0) {
          problems.add(Problem.of(field + "-to", "outcome.builder.band.range", n));
        } else if (!bands.isEmpty() && from.compareTo(bands.get(bands.size() - 1).max()) <= 0) {
          problems.add(Problem.of(field + "-from", "outcome.builder.band.order", n));
        }
        bands.add(new Band(from, to, bl));
      }
    }
    BigDecimal meaningful = null;
    if (clean(in.meaningfulChange()) != null) {
      meaningful = decimal(in.meaningfulChange());
      if (meaningful == null || meaningful.signum() <= 0) {
        problems.add(Problem.of("meaningfulChange", "outcome.builder.score.meaningful"));
      }
    }
    if (in.higherIsBetter() == null) {
      problems.add(Problem.of("higherIsBetter", "outcome.builder.score.direction"));
    }
    check(problems);
    String c = code == null ? newScoreCode(i, label) : code;
    return new ScoreRule(
        c, label, ScoreMethod.SUM, items, null, null, bands, meaningful, in.higherIsBetter());
  }

  private static String newScoreCode(Instrument i, String label) {
    String base = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    base = base.replaceAll("^_+|_+$", "");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "score" + (base.isEmpty() ? "" : "_" + base);
    }
    base = base.length() > 30 ? base.substring(0, 30) : base;
    String code = base;
    for (int n = 2; i.score(code).isPresent(); n++) {
      code = base + "_" + n;
    }
    return code;
  }

  private static Integer whole(List<Problem> problems, String field, String typed, boolean needed) {
    String s = clean(typed);
    if (s == null) {
      if (needed) {
        problems.add(Problem.of(field, "outcome.builder." + field + ".required"));
      }
      return null;
    }
    try {
      int n = Integer.parseInt(s);
      if (Math.abs(n) > 1_000_000) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(Problem.of(field, "outcome.builder.whole"));
      return null;
    }
  }

  private static String label(List<Problem> problems, String field, String typed) {
    String s = clean(typed);
    if (s != null && s.length() > MAX_LABEL) {
      problems.add(Problem.of(field, "outcome.builder.tooLong", MAX_LABEL));
    }
    return s;
  }

  private static BigDecimal decimal(String typed) {
    String s = clean(typed);
    if (s == null || s.length() > 20) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void check(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new DraftValidationException(problems);
    }
  }

  private static String clean(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void require(Object recordId) {
    access.require(
        Permission.MAINTAIN_INSTRUMENTS, AuditLog.DEPLOYMENT, RECORD_TYPE, recordId, null);
  }

  private UUID currentUser() {
    return access.currentUser().map(WaymarkUser::userId).orElse(null);
  }
}

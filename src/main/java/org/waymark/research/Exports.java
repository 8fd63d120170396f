package org.waymark.research;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.connection.Connections;
import org.waymark.identity.AccessPolicy;
import org.waymark.outcome.Occasion;
import org.waymark.outcome.Outcomes;
import org.waymark.outcome.OutcomesForResearch;
import org.waymark.outcome.Score;
import org.waymark.research.internal.DataTable;
import org.waymark.research.internal.ExportStore;
import org.waymark.research.internal.ExportWriter;
import org.waymark.research.internal.FieldworkStore;
import org.waymark.research.internal.ParticipantStore;
import org.waymark.research.internal.StudyAccess;
import org.waymark.research.internal.StudyStore;
import org.waymark.research.internal.Variable;
import org.waymark.research.internal.Variable.Choice;
import org.waymark.shared.RecordNotFoundException;
import org.waymark.shared.SmallNumbers;

/**
 * A study's pseudonymised exports, each with its data dictionary, and its participants' records
 * linked with their consent. Only participants who consented appear: never those who withdrew,
 * declined or have not yet consented; never names, contact details, NHS numbers or person and case
 * ids, only study ids. Every export states its purpose, is audited as {@code STUDY_EXPORTED} and is
 * listed for the team. Linked records are read only for a participant passed on from casework who
 * consented to record linkage in their latest consent, and stop at once when they withdraw.
 */
@Service
public class Exports {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final StudyStore studies;
  private final ParticipantStore participants;
  private final FieldworkStore fieldwork;
  private final ExportStore store;
  private final StudyAccess access;
  private final AccessPolicy policy;
  private final Connections connections;
  private final Outcomes outcomes;
  private final AuditLog audit;
  private final SmallNumbers smallNumbers;
  private final Clock clock;

  Exports(
      StudyStore studies,
      ParticipantStore participants,
      FieldworkStore fieldwork,
      ExportStore store,
      StudyAccess access,
      AccessPolicy policy,
      Connections connections,
      Outcomes outcomes,
      AuditLog audit,
      @Value("${waymark.research.suppression-threshold:7}") int threshold,
      Optional<Clock> clock) {
    this.studies = studies;
    this.participants = participants;
    this.fieldwork = fieldwork;
    this.store = store;
    this.access = access;
    this.policy = policy;
    this.connections = connections;
    this.outcomes = outcomes;
    this.audit = audit;
    this.smallNumbers = new SmallNumbers(threshold);
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** The study's exports, newest first (for every member of the team). */
  @Transactional(readOnly = true)
  public List<ExportRecord> log(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    return store.log(study.organisationId(), studyId);
  }

  /**
   * Exports a dataset for a stated purpose. Recorded in the study's export log and audited as
   * {@code STUDY_EXPORTED} with the dataset, format, purpose and row count. Reading linked outcome
   * scores is audited for each participant as well.
   *
   * @param purpose why the data is exported, 10 to 500 characters
   * @throws ResearchValidationException if no dataset or format is chosen, or the purpose is
   *     missing, too short or too long
   */
  @Transactional
  public ExportFile export(
      UUID studyId, ExportDataset dataset, ExportFormat format, String purpose) {
    Study study = study(studyId);
    access.requireMember(study);
    Map<String, String> problems = new LinkedHashMap<>();
    if (dataset == null) {
      problems.put("dataset", "Choose what to export");
    }
    if (format == null) {
      problems.put("format", "Choose a file format");
    }
    String why = purpose == null ? "" : purpose.strip();
    if (why.length() < 10 || why.length() > 500) {
      problems.put("purpose", "Enter the purpose of the export, from 10 to 500 characters");
    }
    if (!problems.isEmpty()) {
      throw new ResearchValidationException(problems);
    }
    DataTable table = table(study, dataset);
    byte[] content =
        format == ExportFormat.XLSX ? ExportWriter.xlsx(table) : ExportWriter.csv(table);
    UUID me = policy.currentUser().orElseThrow().userId();
    int rows = table.rows().size();
    store.insert(
        study.organisationId(),
        studyId,
        new ExportRecord(UUID.randomUUID(), me, clock.instant(), dataset, format, why, rows));
    audit.record(
        AuditEntry.allowed("STUDY_EXPORTED", "study", studyId, null)
            .withDetail(
                "dataset "
                    + dataset.name()
                    + ", format "
                    + format.name()
                    + ", rows "
                    + rows
                    + ", purpose: "
                    + why));
    return new ExportFile(
        fileName(study, dataset, format.extension()), format.contentType(), content, rows);
  }

  /**
   * The data dictionary of a dataset as a REDCap data dictionary CSV: one row per exported column
   * with its type, codes and their labels (for every member of the team; no participant data).
   */
  @Transactional(readOnly = true)
  public ExportFile dictionary(UUID studyId, ExportDataset dataset) {
    Study study = study(studyId);
    access.requireMember(study);
    DataTable table =
        new DataTable(dataset.formName(), dataset.label(), variables(study, dataset), List.of());
    return new ExportFile(
        fileName(study, dataset, "dictionary.csv").replace(".dictionary", "-dictionary"),
        ExportFormat.CSV.contentType(),
        ExportWriter.dictionaryCsv(table),
        table.variables().size());
  }

  /**
   * Consented participants by site (rows) and group (columns) with totals, small numbers suppressed
   * for public outputs (for every member of the team).
   */
  @Transactional(readOnly = true)
  public SmallNumbers.Table recruitmentSummary(UUID studyId) {
    Study study = study(studyId);
    access.requireMember(study);
    return summary(study);
  }

  /** The suppression threshold in use: counts from 1 to it are shown as an asterisk. */
  public int suppressionThreshold() {
    return smallNumbers.threshold();
  }

  /**
   * A participant's linked records, for every member of the team: only if they came from casework
   * and are consented with record linkage agreed in their latest consent; empty otherwise (and
   * nothing is read). Each read is audited by the connection and outcome modules as {@code
   * RESEARCH_LINKAGE_READ} with the person.
   */
  @Transactional
  public Optional<LinkedRecords> linkedRecords(UUID studyId, UUID participantId) {
    Study study = study(studyId);
    access.requireMember(study);
    ParticipantStore.Row row =
        participants
            .find(study.organisationId(), studyId, participantId)
            .orElseThrow(() -> new RecordNotFoundException("participant"));
    return link(study, row)
        .map(
            l ->
                new LinkedRecords(
                    connections.forResearch(
                        l.caseOrganisationId(), l.caseId(), l.personId(), study.shortName()),
                    outcomes.forResearch(
                        l.caseOrganisationId(), l.caseId(), l.personId(), study.shortName())));
  }

  /** Where a participant came from, only when consented and agreed to record linkage. */
  private Optional<ExportStore.CaseLink> link(Study study, ParticipantStore.Row row) {
    if (row.status() != ParticipantStatus.CONSENTED || !row.fromCasework()) {
      return Optional.empty();
    }
    Consent latest = latest(study, row.id());
    if (latest == null || !latest.agreedTo(ConsentItem.RECORD_LINKAGE)) {
      return Optional.empty();
    }
    return store.caseLink(study.organisationId(), row.id());
  }

  private Consent latest(Study study, UUID participantId) {
    List<Consent> consents = participants.consents(study.organisationId(), participantId);
    return consents.isEmpty() ? null : consents.get(consents.size() - 1);
  }

  private List<ParticipantStore.Row> consented(Study study) {
    return participants.list(study.organisationId(), study.id()).stream()
        .filter(r -> r.status() == ParticipantStatus.CONSENTED)
        .toList();
  }

  private DataTable table(Study study, ExportDataset dataset) {
    List<Variable> variables = variables(study, dataset);
    List<List<String>> rows =
        switch (dataset) {
          case PARTICIPANTS -> participantRows(study);
          case INTERVIEWS -> interviewRows(study);
          case LINKED_OUTCOMES -> outcomeRows(study);
          case RECRUITMENT_SUMMARY -> summaryRows(study);
        };
    return new DataTable(dataset.formName(), dataset.label(), variables, rows);
  }

  private List<Variable> variables(Study study, ExportDataset dataset) {
    List<Variable> v = new ArrayList<>();
    Variable code =
        Variable.text("study_code", "Study id (pseudonymous)", "Site, group and number", true);
    switch (dataset) {
      case PARTICIPANTS -> {
        v.add(code);
        v.add(siteVariable(study));
        v.add(groupVariable(study));
        v.add(
            Variable.choice(
                "status",
                "Status",
                Arrays.stream(ParticipantStatus.values())
                    .map(s -> new Choice(s.name(), s.label()))
                    .toList(),
                "Only consented participants are exported",
                true));
        v.add(Variable.date("added_on", "Date they joined the study", null, true));
        v.add(
            Variable.text(
                "consent_version",
                "Version of the consent form of their latest consent",
                null,
                true));
        for (ConsentItem item : ConsentItem.values()) {
          v.add(
              Variable.choice(
                  consentVariable(item),
                  "Consent: " + item.label(),
                  Variable.agreed(),
                  "In their latest consent; 0 also when the form did not ask",
                  true));
        }
        v.add(
            Variable.date(
                "withdrawn_on",
                "Date they withdrew",
                "Empty: participants who withdrew are never exported",
                false));
      }
      case INTERVIEWS -> {
        v.add(code);
        v.add(Variable.text("event_name", "Study event the interview was for", null, true));
        v.add(Variable.date("held_on", "Date held", null, true));
        v.add(choice("mode", "How it was held", InterviewMode.values(), InterviewMode::label));
        v.add(Variable.integer("duration_minutes", "How long it lasted", "Minutes", 1, 600, true));
        v.add(choice("recording", "Audio recording", Recording.values(), Recording::label));
        v.add(choice("transcript", "Transcript", Transcript.values(), Transcript::label));
        v.add(
            Variable.choice(
                "analysed",
                "Analysed",
                List.of(new Choice("1", "Analysed"), new Choice("0", "Not analysed")),
                null,
                true));
      }
      case LINKED_OUTCOMES -> {
        v.add(code);
        v.add(
            Variable.text("instrument", "Outcome instrument", "For example ONS4 or SWEMWBS", true));
        v.add(
            Variable.integer(
                "instrument_version", "Version of the instrument", null, 1, null, true));
        v.add(
            choice(
                "occasion",
                "When in their support it was given",
                Occasion.values(),
                Occasion::label));
        v.add(Variable.date("completed_on", "Date completed", null, true));
        v.add(Variable.text("score_code", "Score", "A score the instrument defines", true));
        v.add(
            Variable.number(
                "score_value",
                "Value of the score",
                "Empty when an item it needs was not answered",
                false));
      }
      case RECRUITMENT_SUMMARY -> {
        v.add(Variable.text("site_code", "Site code", "TOTAL for the row of totals", true));
        String note =
            "Consented participants; 1 to "
                + smallNumbers.threshold()
                + " shown as *, others rounded to the nearest 5, further cells hidden where totals would reveal them";
        for (ParticipantGroup g : studies.groups(study.organisationId(), study.id())) {
          v.add(
              Variable.text(
                  "group_" + g.code().toLowerCase(java.util.Locale.ROOT), g.name(), note, true));
        }
        v.add(Variable.text("total", "All groups", note, true));
      }
    }
    return v;
  }

  private Variable siteVariable(Study study) {
    List<Choice> choices =
        studies.sites(study.organisationId(), study.id()).stream()
            .map(s -> new Choice(s.code(), s.name()))
            .toList();
    return choices.isEmpty()
        ? Variable.text("site_code", "Site", null, true)
        : Variable.choice("site_code", "Site", choices, null, true);
  }

  private Variable groupVariable(Study study) {
    List<Choice> choices =
        studies.groups(study.organisationId(), study.id()).stream()
            .map(g -> new Choice(g.code(), g.name()))
            .toList();
    return choices.isEmpty()
        ? Variable.text("group_code", "Participant group", null, true)
        : Variable.choice("group_code", "Participant group", choices, null, true);
  }

  private static <E extends Enum<E>> Variable choice(
      String name, String label, E[] values, Function<E, String> labels) {
    return Variable.choice(
        name,
        label,
        Arrays.stream(values).map(e -> new Choice(e.name(), labels.apply(e))).toList(),
        null,
        true);
  }

  static String consentVariable(ConsentItem item) {
    return "consent_" + item.name().toLowerCase(java.util.Locale.ROOT);
  }

  private List<List<String>> participantRows(Study study) {
    Map<UUID, String> sites = siteCodes(study);
    Map<UUID, String> groups = groupCodes(study);
    List<List<String>> rows = new ArrayList<>();
    for (ParticipantStore.Row r : consented(study)) {
      Consent consent = latest(study, r.id());
      List<String> row = new ArrayList<>();
      row.add(r.studyCode());
      row.add(sites.getOrDefault(r.siteId(), ""));
      row.add(groups.getOrDefault(r.groupId(), ""));
      row.add(r.status().name());
      row.add(r.addedOn().toString());
      row.add(consent == null ? "" : consent.versionLabel());
      for (ConsentItem item : ConsentItem.values()) {
        row.add(consent != null && consent.agreedTo(item) ? "1" : "0");
      }
      row.add(r.withdrawnOn() == null ? "" : r.withdrawnOn().toString());
      rows.add(row);
    }
    return rows;
  }

  private List<List<String>> interviewRows(Study study) {
    Map<UUID, String> codes =
        consented(study).stream()
            .collect(Collectors.toMap(ParticipantStore.Row::id, ParticipantStore.Row::studyCode));
    Map<UUID, String> events = new LinkedHashMap<>();
    studies.workPackages(study.organisationId(), study.id()).stream()
        .flatMap(w -> w.events().stream())
        .forEach(e -> events.put(e.id(), e.name()));
    List<List<String>> rows = new ArrayList<>();
    for (Interview i : fieldwork.interviews(study.organisationId(), study.id())) {
      String code = codes.get(i.participantId());
      if (code == null) {
        continue;
      }
      rows.add(
          List.of(
              code,
              events.getOrDefault(i.eventId(), ""),
              i.heldOn().toString(),
              i.mode().name(),
              Integer.toString(i.durationMinutes()),
              i.recording().name(),
              i.transcript().name(),
              i.analysed() ? "1" : "0"));
    }
    rows.sort((a, b) -> (a.get(0) + a.get(2)).compareTo(b.get(0) + b.get(2)));
    return rows;
  }

  private List<List<String>> outcomeRows(Study study) {
    List<List<String>> rows = new ArrayList<>();
    for (ParticipantStore.Row r : consented(study)) {
      Optional<ExportStore.CaseLink> link = link(study, r);
      if (link.isEmpty()) {
        continue;
      }
      ExportStore.CaseLink l = link.get();
      OutcomesForResearch found =
          outcomes.forResearch(l.caseOrganisationId(), l.caseId(), l.personId(), study.shortName());
      for (OutcomesForResearch.Scored s : found.responses()) {
        for (Score score : s.scores()) {
          rows.add(
              List.of(
                  r.studyCode(),
                  s.instrumentCode(),
                  Integer.toString(s.instrumentVersion()),
                  s.occasion().name(),
                  s.completedOn().toString(),
                  score.code(),
                  score.value() == null ? "" : score.value().toPlainString()));
        }
      }
    }
    return rows;
  }

  private SmallNumbers.Table summary(Study study) {
    List<Site> sites = studies.sites(study.organisationId(), study.id());
    List<ParticipantGroup> groups = studies.groups(study.organisationId(), study.id());
    if (sites.isEmpty() || groups.isEmpty()) {
      return new SmallNumbers.Table(List.of(), List.of(), List.of(), smallNumbers.show(0));
    }
    long[][] counts = new long[sites.size()][groups.size()];
    for (ParticipantStore.Row r : consented(study)) {
      int s = indexOf(sites.stream().map(Site::id).toList(), r.siteId());
      int g = indexOf(groups.stream().map(ParticipantGroup::id).toList(), r.groupId());
      if (s >= 0 && g >= 0) {
        counts[s][g]++;
      }
    }
    return smallNumbers.suppress(counts);
  }

  private List<List<String>> summaryRows(Study study) {
    SmallNumbers.Table t = summary(study);
    List<Site> sites = studies.sites(study.organisationId(), study.id());
    List<List<String>> rows = new ArrayList<>();
    if (t.cells().isEmpty()) {
      return rows;
    }
    for (int s = 0; s < sites.size(); s++) {
      List<String> row = new ArrayList<>();
      row.add(sites.get(s).code());
      row.addAll(t.cells().get(s));
      row.add(t.rowTotals().get(s));
      rows.add(row);
    }
    List<String> totals = new ArrayList<>();
    totals.add("TOTAL");
    totals.addAll(t.columnTotals());
    totals.add(t.total());
    rows.add(totals);
    return rows;
  }

  private static int indexOf(List<UUID> ids, UUID id) {
    return ids.indexOf(id);
  }

  private Map<UUID, String> siteCodes(Study study) {
    return studies.sites(study.organisationId(), study.id()).stream()
        .collect(Collectors.toMap(Site::id, Site::code));
  }

  private Map<UUID, String> groupCodes(Study study) {
    return studies.groups(study.organisationId(), study.id()).stream()
        .collect(Collectors.toMap(ParticipantGroup::id, ParticipantGroup::code));
  }

  private String fileName(Study study, ExportDataset dataset, String extension) {
    String name = study.shortName().replaceAll("[^A-Za-z0-9_-]", "-");
    return name
        + "-"
        + dataset.formName()
        + "-"
        + LocalDate.now(clock.withZone(LONDON))
        + "."
        + extension;
  }

  private Study study(UUID id) {
    return studies.findStudy(id).orElseThrow(() -> new RecordNotFoundException("study"));
  }
}

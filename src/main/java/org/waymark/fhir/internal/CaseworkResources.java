package org.waymark.fhir.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;
import org.waymark.casework.CaseFile;
import org.waymark.casework.CaseStatus;
import org.waymark.casework.GoalStatus;
import org.waymark.casework.PlanGoal;
import org.waymark.casework.PlanReview;
import org.waymark.casework.PlanStep;
import org.waymark.outcome.Instrument;
import org.waymark.outcome.InstrumentItem;
import org.waymark.outcome.Instruments;
import org.waymark.outcome.Response;
import org.waymark.outcome.Score;

/**
 * The link worker service's own record as FHIR, for a client system that acts for the PCN: the
 * answers to an instrument (QuestionnaireResponse), each score they gave (Observation, derived from
 * the answers), and the support plan (CarePlan for the case, Goal for each goal). Built from what
 * the casework and outcome modules give a reader who may read the case; nothing typed in case notes
 * is served.
 */
@Component
class CaseworkResources {

  static final String OCCASION_SYSTEM = Fhir.WAYMARK + "CodeSystem/occasion";
  static final String SCORE_SYSTEM = Fhir.WAYMARK + "CodeSystem/score";
  static final String GOAL_STATUS_SYSTEM = Fhir.WAYMARK + "CodeSystem/goal-status";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

  /** An Observation's id: the response's id, then the score's place among its scores. */
  static final String SCORE_SEPARATOR = "-s";

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Instruments instruments;

  CaseworkResources(Instruments instruments) {
    this.instruments = instruments;
  }

  static String observationId(UUID responseId, int index) {
    return responseId + SCORE_SEPARATOR + index;
  }

  /** The response id and score index an Observation id names; empty if it names none. */
  static Optional<ObservationId> observationId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    int at = id.lastIndexOf(SCORE_SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    Optional<UUID> response = Fhir.uuid(id.substring(0, at));
    String index = id.substring(at + SCORE_SEPARATOR.length());
    if (response.isEmpty() || !index.matches("[0-9]{1,3}")) {
      return Optional.empty();
    }
    return Optional.of(new ObservationId(response.get(), Integer.parseInt(index)));
  }

  record ObservationId(UUID responseId, int index) {}

  QuestionnaireResponse questionnaireResponse(Response r) {
    QuestionnaireResponse qr = new QuestionnaireResponse();
    qr.setId(r.id().toString());
    qr.getMeta().setLastUpdated(Date.from(r.recordedAt()));
    qr.getMeta().addTag(occasion(r));
    qr.setQuestionnaire(
        Fhir.WAYMARK + "Questionnaire/" + r.instrumentCode() + "|" + r.instrumentVersion());
    qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
    qr.setSubject(patient(r.personId()));
    qr.setAuthoredElement(new DateTimeType(r.completedOn().toString()));
    if (r.selfCompleted()) {
      qr.setSource(patient(r.personId()));
    }
    Optional<Instrument> instrument = instruments.find(r.instrumentCode(), r.instrumentVersion());
    String answers = Fhir.WAYMARK + "CodeSystem/" + r.instrumentCode().toLowerCase(Locale.ROOT);
    for (InstrumentItem item : instrument.map(Instrument::items).orElse(List.of())) {
      String value = r.answers().get(item.id());
      if (value == null || value.isBlank()) {
        continue;
      }
      QuestionnaireResponse.QuestionnaireResponseItemComponent qi =
          qr.addItem().setLinkId(item.id()).setText(item.text());
      switch (item.type()) {
        case SCALE, NUMBER -> qi.addAnswer().setValue(number(value));
        case DATE -> qi.addAnswer().setValue(new DateType(value));
        case FREE_TEXT -> qi.addAnswer().setValue(new StringType(value));
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
          for (String v : value.split("\\|")) {
            String label =
                item.options().stream()
                    .filter(o -> o.value().equals(v))
                    .map(o -> o.label())
                    .findFirst()
                    .orElse(null);
            qi.addAnswer().setValue(new Coding(answers, v, label));
          }
        }
      }
    }
    return qr;
  }

  /** Every score the answers gave, in the instrument's order. */
  List<Observation> observations(Response r) {
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < r.scores().size(); i++) {
      all.add(observation(r, i));
    }
    return all;
  }

  Observation observation(Response r, int index) {
    Score s = r.scores().get(index);
    Observation o = new Observation();
    o.setId(observationId(r.id(), index));
    o.getMeta().setLastUpdated(Date.from(r.recordedAt()));
    o.getMeta().addTag(occasion(r));
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
    String title =
        instruments
            .find(r.instrumentCode(), r.instrumentVersion())
            .map(Instrument::title)
            .orElse(r.instrumentCode());
    o.setCode(
        new CodeableConcept(new Coding(SCORE_SYSTEM, scoreCode(r.instrumentCode(), s), s.label()))
            .setText(title + ": " + s.label()));
    o.setSubject(patient(r.personId()));
    o.setEffective(new DateTimeType(r.completedOn().toString()));
    if (s.value() != null) {
      o.setValue(
          new Quantity()
              .setValue(s.value())
              .setUnit("score")
              .setSystem("http://unitsofmeasure.org")
              .setCode("{score}"));
    } else {
      o.setDataAbsentReason(
          new CodeableConcept(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/data-absent-reason",
                      "not-performed",
                      "Not Performed"))
              .setText("An item the score needs was not answered"));
    }
    if (s.band() != null) {
      o.addInterpretation(new CodeableConcept().setText(s.band()));
    }
    o.addDerivedFrom(new Reference("QuestionnaireResponse/" + r.id()));
    return o;
  }

  /**
   * The score's code: the instrument's code and the score's, for example {@code swemwbs.metric}.
   */
  static String scoreCode(String instrumentCode, Score s) {
    return (instrumentCode + "." + s.code()).toLowerCase(Locale.ROOT);
  }

  CarePlan carePlan(CaseFile c, List<PlanGoal> goals) {
    CarePlan plan = new CarePlan();
    plan.setId(c.id().toString());
    Instant updated = c.closedAt() != null ? c.closedAt() : c.openedAt();
    for (PlanGoal g : goals) {
      if (updatedAt(g).isAfter(updated)) {
        updated = updatedAt(g);
      }
    }
    plan.getMeta().setLastUpdated(Date.from(updated));
    plan.setStatus(
        c.status() == CaseStatus.OPEN
            ? CarePlan.CarePlanStatus.ACTIVE
            : CarePlan.CarePlanStatus.COMPLETED);
    plan.setIntent(CarePlan.CarePlanIntent.PLAN);
    plan.setTitle("Social prescribing support plan");
    plan.addCategory(
        new CodeableConcept(
                new Coding(
                    Fhir.SNOMED,
                    Fhir.SOCIAL_PRESCRIBING_REFERRAL,
                    Fhir.SOCIAL_PRESCRIBING_REFERRAL_DISPLAY))
            .setText("Social prescribing"));
    plan.setSubject(patient(c.personId()));
    plan.addBasedOn(new Reference("ServiceRequest/" + Fhir.referralId(c.referralId())));
    Period period = new Period().setStart(Date.from(c.openedAt()));
    if (c.closedAt() != null) {
      period.setEnd(Date.from(c.closedAt()));
    }
    plan.setPeriod(period);
    plan.setCreated(Date.from(c.openedAt()));
    for (PlanGoal g : goals) {
      plan.addGoal(new Reference("Goal/" + g.id()).setDisplay(g.text()));
      for (PlanStep s : g.steps()) {
        CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.setStatus(
            switch (s.status()) {
              case NOT_STARTED -> CarePlan.CarePlanActivityStatus.NOTSTARTED;
              case IN_PROGRESS -> CarePlan.CarePlanActivityStatus.INPROGRESS;
              case DONE -> CarePlan.CarePlanActivityStatus.COMPLETED;
              case NO_LONGER_NEEDED -> CarePlan.CarePlanActivityStatus.CANCELLED;
            });
        detail.setDescription(s.text());
        detail.addGoal(new Reference("Goal/" + g.id()));
        if (s.targetDate() != null) {
          detail.setScheduled(new StringType("By " + s.targetDate()));
        }
        detail.addPerformer(new Reference().setDisplay(s.ownerLabel()));
      }
    }
    return plan;
  }

  Goal goal(CaseFile c, PlanGoal g) {
    Goal goal = new Goal();
    goal.setId(g.id().toString());
    goal.getMeta().setLastUpdated(Date.from(updatedAt(g)));
    goal.setLifecycleStatus(
        switch (g.status()) {
          case ACTIVE -> Goal.GoalLifecycleStatus.ACTIVE;
          case NO_LONGER_RELEVANT -> Goal.GoalLifecycleStatus.CANCELLED;
          case ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED -> Goal.GoalLifecycleStatus.COMPLETED;
        });
    CodeableConcept achievement =
        new CodeableConcept(
                new Coding(
                    GOAL_STATUS_SYSTEM,
                    g.status().name().toLowerCase(Locale.ROOT),
                    g.status().label()))
            .setText(g.status().label());
    String standard =
        switch (g.status()) {
          case ACTIVE -> g.reviews().isEmpty() ? null : "in-progress";
          case ACHIEVED -> "achieved";
          case NOT_ACHIEVED -> "not-achieved";
          case PARTLY_ACHIEVED, NO_LONGER_RELEVANT -> null;
        };
    if (standard != null) {
      achievement.addCoding(new Coding(GOAL_ACHIEVEMENT, standard, null));
    }
    goal.setAchievementStatus(achievement);
    for (String need : g.needs()) {
      goal.addCategory(new CodeableConcept(new Coding(Fhir.NEED_SYSTEM, need, null)));
    }
    goal.setDescription(new CodeableConcept().setText(g.text()));
    goal.setSubject(patient(c.personId()));
    goal.setStart(new DateType(LocalDate.ofInstant(g.createdAt(), LONDON).toString()));
    if (g.targetDate() != null) {
      goal.addTarget().setDue(new DateType(g.targetDate().toString()));
    }
    goal.addAddresses(new Reference("ServiceRequest/" + Fhir.referralId(c.referralId())));
    for (PlanReview review : g.reviews()) {
      Annotation note =
          new Annotation()
              .setText(
                  "Progress "
                      + review.progress()
                      + " out of "
                      + PlanReview.PROGRESS_MAX
                      + (review.inTheirWords() == null || review.inTheirWords().isBlank()
                          ? ""
                          : ": " + review.inTheirWords()));
      note.setTimeElement(new DateTimeType(review.reviewedOn().toString()));
      goal.addNote(note);
    }
    if (g.status() != GoalStatus.ACTIVE) {
      goal.setStatusDateElement(new DateType(LocalDate.ofInstant(updatedAt(g), LONDON).toString()));
    }
    return goal;
  }

  private static Instant updatedAt(PlanGoal g) {
    return g.updatedAt() != null ? g.updatedAt() : g.createdAt();
  }

  private static Coding occasion(Response r) {
    return new Coding(
        OCCASION_SYSTEM, r.occasion().name().toLowerCase(Locale.ROOT), r.occasion().label());
  }

  private static Reference patient(UUID personId) {
    return new Reference("Patient/" + personId);
  }

  /**
   * A stored number answer as FHIR gives it: an integer when it is whole and fits one, else a
   * decimal; text that is not a number (never stored by the outcome module) stays text.
   */
  static Type number(String value) {
    BigDecimal n;
    try {
      n = new BigDecimal(value.strip());
    } catch (NumberFormatException notANumber) {
      return new StringType(value);
    }
    if (n.stripTrailingZeros().scale() <= 0) {
      try {
        return new IntegerType(n.intValueExact());
      } catch (ArithmeticException tooLarge) {
        return new DecimalType(n);
      }
    }
    return new DecimalType(n);
  }
}

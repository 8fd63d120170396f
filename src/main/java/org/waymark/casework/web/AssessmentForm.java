package org.waymark.casework.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.Errors;
import org.waymark.casework.AssessedNeed;
import org.waymark.casework.HowItIsGoing;
import org.waymark.casework.Importance;
import org.waymark.casework.NewAssessment;
import org.waymark.shared.web.DateInput;

/** The "what matters to me" form, as typed: a statement, a date, and answers per need domain. */
public class AssessmentForm {

  /** The version the user started from: 0 when the case had no assessment. */
  private int basedOnVersion;

  private String assessedOnDay;
  private String assessedOnMonth;
  private String assessedOnYear;
  private String whatMatters;
  private List<NeedAnswer> needs = new ArrayList<>();

  /** One need domain's answers, as typed. */
  public static class NeedAnswer {
    private String need;
    private String importance;
    private String going;
    private String inTheirWords;

    public NeedAnswer() {}

    NeedAnswer(String need, Importance importance, HowItIsGoing going, String inTheirWords) {
      this.need = need;
      this.importance = importance == null ? "" : importance.name();
      this.going = going == null ? "" : going.name();
      this.inTheirWords = inTheirWords;
    }

    public String getNeed() {
      return need;
    }

    public void setNeed(String need) {
      this.need = need;
    }

    public String getImportance() {
      return importance;
    }

    public void setImportance(String importance) {
      this.importance = importance;
    }

    public String getGoing() {
      return going;
    }

    public void setGoing(String going) {
      this.going = going;
    }

    public String getInTheirWords() {
      return inTheirWords;
    }

    public void setInTheirWords(String inTheirWords) {
      this.inTheirWords = inTheirWords;
    }
  }

  void check(Errors errors) {
    String problem = dateFields().problem();
    if (problem != null) {
      errors.rejectValue("assessedOn", "casework.assessment.assessedOn." + problem);
    }
    for (int i = 0; i < needs.size(); i++) {
      NeedAnswer n = needs.get(i);
      if (!blank(n.importance) && importance(n) == null) {
        errors.rejectValue("needs[" + i + "].importance", "casework.assessment.answer.invalid");
      }
      if (!blank(n.going) && going(n) == null) {
        errors.rejectValue("needs[" + i + "].going", "casework.assessment.answer.invalid");
      }
    }
  }

  NewAssessment toAssessment() {
    return new NewAssessment(
        getAssessedOn(),
        whatMatters,
        needs.stream()
            .map(n -> new AssessedNeed(n.need, importance(n), going(n), n.inTheirWords))
            .toList());
  }

  private static Importance importance(NeedAnswer n) {
    try {
      return blank(n.importance) ? null : Importance.valueOf(n.importance.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static HowItIsGoing going(NeedAnswer n) {
    try {
      return blank(n.going) ? null : HowItIsGoing.valueOf(n.going.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private DateInput dateFields() {
    return new DateInput(assessedOnDay, assessedOnMonth, assessedOnYear);
  }

  void setAssessedOn(LocalDate date) {
    DateInput d = DateInput.of(date);
    assessedOnDay = d.day();
    assessedOnMonth = d.month();
    assessedOnYear = d.year();
  }

  /** The date the three boxes make, or null; errors are reported against this name. */
  public LocalDate getAssessedOn() {
    return dateFields().toDate();
  }

  public int getBasedOnVersion() {
    return basedOnVersion;
  }

  public void setBasedOnVersion(int basedOnVersion) {
    this.basedOnVersion = basedOnVersion;
  }

  public String getAssessedOnDay() {
    return assessedOnDay;
  }

  public void setAssessedOnDay(String assessedOnDay) {
    this.assessedOnDay = assessedOnDay;
  }

  public String getAssessedOnMonth() {
    return assessedOnMonth;
  }

  public void setAssessedOnMonth(String assessedOnMonth) {
    this.assessedOnMonth = assessedOnMonth;
  }

  public String getAssessedOnYear() {
    return assessedOnYear;
  }

  public void setAssessedOnYear(String assessedOnYear) {
    this.assessedOnYear = assessedOnYear;
  }

  public String getWhatMatters() {
    return whatMatters;
  }

  public void setWhatMatters(String whatMatters) {
    this.whatMatters = whatMatters;
  }

  public List<NeedAnswer> getNeeds() {
    return needs;
  }

  public void setNeeds(List<NeedAnswer> needs) {
    this.needs = needs;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

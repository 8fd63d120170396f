package org.waymark.casework.web;

import java.time.LocalDate;
import org.springframework.validation.Errors;
import org.waymark.casework.ReviewDraft;
import org.waymark.shared.web.DateInput;

/** The review form, as typed. The date is required; progress is a whole number from 0 to 10. */
public class ReviewForm {

  private String reviewedOnDay;
  private String reviewedOnMonth;
  private String reviewedOnYear;
  private String inTheirWords;
  private String progress;

  static ReviewForm today(LocalDate today) {
    ReviewForm f = new ReviewForm();
    DateInput d = DateInput.of(today);
    f.reviewedOnDay = d.day();
    f.reviewedOnMonth = d.month();
    f.reviewedOnYear = d.year();
    return f;
  }

  void check(Errors errors) {
    String problem = reviewedOnFields().problem();
    if (problem != null) {
      errors.rejectValue("reviewedOn", "casework.plan.review.reviewedOn." + problem);
    }
  }

  ReviewDraft toDraft() {
    return new ReviewDraft(getReviewedOn(), inTheirWords, progressValue());
  }

  private Integer progressValue() {
    if (progress == null || !progress.strip().matches("\\d{1,2}")) {
      return null;
    }
    return Integer.valueOf(progress.strip());
  }

  private DateInput reviewedOnFields() {
    return new DateInput(reviewedOnDay, reviewedOnMonth, reviewedOnYear);
  }

  /** The date the parts make, or null; errors are reported against this name. */
  public LocalDate getReviewedOn() {
    return reviewedOnFields().toDate();
  }

  public String getReviewedOnDay() {
    return reviewedOnDay;
  }

  public void setReviewedOnDay(String reviewedOnDay) {
    this.reviewedOnDay = reviewedOnDay;
  }

  public String getReviewedOnMonth() {
    return reviewedOnMonth;
  }

  public void setReviewedOnMonth(String reviewedOnMonth) {
    this.reviewedOnMonth = reviewedOnMonth;
  }

  public String getReviewedOnYear() {
    return reviewedOnYear;
  }

  public void setReviewedOnYear(String reviewedOnYear) {
    this.reviewedOnYear = reviewedOnYear;
  }

  public String getInTheirWords() {
    return inTheirWords;
  }

  public void setInTheirWords(String inTheirWords) {
    this.inTheirWords = inTheirWords;
  }

  public String getProgress() {
    return progress;
  }

  public void setProgress(String progress) {
    this.progress = progress;
  }
}

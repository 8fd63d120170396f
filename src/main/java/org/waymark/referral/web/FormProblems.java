package org.waymark.referral.web;

import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.waymark.referral.ReferralValidationException.Problem;

/**
 * Puts the referral module's problems on a form: each on the form field it concerns (the module
 * names nested fields like {@code person.nhsNumber} and {@code referrer.email}; the forms are
 * flat), in the order the fields appear, so the error summary reads top to bottom.
 */
final class FormProblems {

  private FormProblems() {}

  /** The form field a problem belongs to. */
  static String formField(String problemField) {
    return switch (problemField) {
      case "person" -> "givenName";
      case "referrer.name" -> "referrerName";
      case "referrer.jobTitle" -> "referrerJobTitle";
      case "referrer.organisationName" -> "referrerOrganisation";
      case "referrer.phone" -> "referrerPhone";
      case "referrer.email" -> "referrerEmail";
      default ->
          problemField.startsWith("person.")
              ? problemField.substring("person.".length())
              : problemField;
    };
  }

  /**
   * Adds each problem to its field unless that field already shows one (the form's own check of a
   * date's parts says more than the module's "enter a date"). A problem for a field the form does
   * not have is shown in the summary without a field, never lost.
   *
   * @param messageKey the message key to show for a problem's key, for wording a form's own way
   */
  static void reject(
      BindingResult errors,
      List<Problem> problems,
      List<String> fieldOrder,
      UnaryOperator<String> messageKey) {
    for (Problem p : problems) {
      String field = formField(p.field());
      String key = messageKey.apply(p.messageKey());
      if (!fieldOrder.contains(field)) {
        errors.reject(key);
      } else if (!errors.hasFieldErrors(field)) {
        errors.rejectValue(field, key);
      }
    }
  }

  /** Replaces the binding result with one whose field errors follow the form's order. */
  static void sort(
      Model model, String name, Object form, BindingResult errors, List<String> order) {
    BeanPropertyBindingResult sorted = new BeanPropertyBindingResult(form, name);
    errors.getGlobalErrors().forEach(sorted::addError);
    errors.getFieldErrors().stream()
        .sorted(Comparator.comparingInt((FieldError e) -> position(order, e.getField())))
        .forEach(sorted::addError);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, sorted);
  }

  private static int position(List<String> order, String field) {
    int i = order.indexOf(field);
    return i < 0 ? order.size() : i;
  }
}

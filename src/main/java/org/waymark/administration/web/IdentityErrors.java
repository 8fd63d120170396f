package org.waymark.administration.web;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.BindingResult;
import org.waymark.identity.IdentityValidationException;

/** Turns a rule the identity module enforced into a form error, on the field it names. */
final class IdentityErrors {

  private IdentityErrors() {}

  /**
   * Rejects the field the exception names with its message key; if the form has no such field, the
   * error belongs to the whole form, so it still reaches the error summary.
   */
  static void reject(BindingResult binding, IdentityValidationException e) {
    Object form = binding.getTarget();
    if (form != null
        && PropertyAccessorFactory.forBeanPropertyAccess(form).isReadableProperty(e.field())) {
      binding.rejectValue(e.field(), e.messageKey());
    } else {
      binding.reject(e.messageKey());
    }
  }
}

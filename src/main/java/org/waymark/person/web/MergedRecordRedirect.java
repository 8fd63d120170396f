package org.waymark.person.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.waymark.person.PersonMergedException;

/**
 * A page asked for a record that was merged into another: the user is sent to the kept record,
 * which says why they arrived there. (The API answers 301 instead; see {@code
 * PersonApiController}.)
 */
@ControllerAdvice(assignableTypes = {PersonController.class, PersonMergeController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MergedRecordRedirect {

  @ExceptionHandler(PersonMergedException.class)
  String merged(PersonMergedException e, HttpServletRequest request) {
    RequestContextUtils.getOutputFlashMap(request).put("mergedAway", Boolean.TRUE);
    return "redirect:/people/" + e.keptId();
  }
}

package org.waymark.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.waymark.shared.PublicEndpoint;

/** The accessibility statement, privacy notice and cookie page, linked from every page's footer. */
@Controller
@PublicEndpoint("Statements every visitor must be able to read before signing in")
class InformationPagesController {

  @GetMapping("/accessibility")
  String accessibility() {
    return "platform/accessibility";
  }

  @GetMapping("/privacy")
  String privacy() {
    return "platform/privacy";
  }

  @GetMapping("/cookies")
  String cookies() {
    return "platform/cookies";
  }
}

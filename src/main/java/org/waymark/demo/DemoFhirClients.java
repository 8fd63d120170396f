package org.waymark.demo;

import java.util.List;
import org.springframework.stereotype.Component;
import org.waymark.fhir.FhirClients;
import org.waymark.identity.ActingAs;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;

/**
 * Three FHIR client systems, registered by the demo administrator: Hillside Health Centre's GP
 * system (refers and follows its referrals), Good Neighbours Befriending's referral platform
 * (answers the onward referrals to its services) and Aire Valley PCN's own system (reads its
 * service's outcomes and support plans). Their secret is the demo password followed by {@code
 * -fhir-client}.
 */
@Component
class DemoFhirClients {

  static final String GP_SYSTEM = "hillside-gp-system";
  static final String VCS_PLATFORM = "good-neighbours-platform";
  static final String PCN_SYSTEM = "aire-valley-pcn-system";

  private final ActingAs actingAs;
  private final IdentityManagement identity;
  private final FhirClients clients;

  DemoFhirClients(ActingAs actingAs, IdentityManagement identity, FhirClients clients) {
    this.actingAs = actingAs;
    this.identity = identity;
    this.clients = clients;
  }

  void load(String password) {
    String secret = password + "-fhir-client";
    Organisation hillside =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(o -> "B83001".equals(o.odsCode()))
            .findFirst()
            .orElseThrow();
    Organisation goodNeighbours =
        identity.organisations(OrganisationType.VCS).stream()
            .filter(o -> o.name().equals("Good Neighbours Befriending"))
            .findFirst()
            .orElseThrow();
    Organisation aireValley =
        identity.organisations(OrganisationType.PCN).stream()
            .filter(o -> o.name().equals("Aire Valley PCN"))
            .findFirst()
            .orElseThrow();
    actingAs.run(
        "admin@" + DemoData.DOMAIN,
        () -> {
          clients.register(
              hillside.id(),
              "Hillside Health Centre GP system",
              List.of(
                  "system/ServiceRequest.*",
                  "system/Task.*",
                  "system/Patient.read",
                  "system/DocumentReference.read",
                  "system/Subscription.*"),
              "GP",
              GP_SYSTEM,
              secret);
          clients.register(
              goodNeighbours.id(),
              "Good Neighbours referral platform",
              List.of("system/ServiceRequest.read", "system/Task.*", "system/Subscription.*"),
              null,
              VCS_PLATFORM,
              secret);
          clients.register(
              aireValley.id(),
              "Aire Valley PCN clinical system",
              List.of(
                  "system/Patient.read",
                  "system/QuestionnaireResponse.read",
                  "system/Observation.read",
                  "system/CarePlan.read",
                  "system/Goal.read",
                  "system/Questionnaire.read"),
              null,
              PCN_SYSTEM,
              secret);
        });
  }
}

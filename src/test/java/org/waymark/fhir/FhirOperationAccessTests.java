package org.waymark.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.waymark.audit.AuditEvent;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.directory.DirectoryCuration;
import org.waymark.identity.IdentityManagement;
import org.waymark.support.FhirValidation;
import org.waymark.support.WaymarkIntegrationTest;

/**
 * Walks every interaction the CapabilityStatement lists, as a client whose scopes do not cover it:
 * each is refused with 403 and an OperationOutcome, and the refusal is audited. A new resource
 * provider cannot be reached without its scope by accident. (Relationship checks, a client of the
 * wrong organisation, are walked in the resource tests.)
 */
@WaymarkIntegrationTest
class FhirOperationAccessTests {

  @LocalServerPort int port;
  @Autowired IdentityManagement identity;
  @Autowired DirectoryCuration curation;
  @Autowired FhirClients clients;
  @Autowired AuditLog audit;

  @Test
  void everyInteractionNeedsItsScope() {
    FhirFixture f = new FhirFixture(identity, curation, clients, port);
    CapabilityStatement cs =
        new FhirHttp(port).get("/fhir/metadata").valid(CapabilityStatement.class);
    List<String> wrong = new ArrayList<>();
    int walked = 0;
    for (CapabilityStatementRestResourceComponent resource : cs.getRestFirstRep().getResource()) {
      String type = resource.getType();
      // Reads with another type's scope; writes with this type's read scope only.
      String other = type.equals("Task") ? "system/Patient.read" : "system/Task.read";
      FhirClient readOther = f.register(clients, f.org.practice, List.of(other), "GP");
      // Types no client is given a scope for (HAPI's OperationDefinition) are walked with another.
      FhirClient readOnly =
          FhirClients.SCOPE.matcher("system/" + type + ".read").matches()
              ? f.register(clients, f.org.practice, List.of("system/" + type + ".read"), "GP")
              : readOther;
      for (ResourceInteractionComponent interaction : resource.getInteraction()) {
        String code = interaction.getCode().toCode();
        boolean write = code.equals("create") || code.equals("update") || code.equals("delete");
        FhirHttp http = f.client(write ? readOnly : readOther, null);
        String id = UUID.randomUUID().toString();
        Resource body = blank(type, code.equals("update") ? id : null);
        FhirHttp.Answer answer =
            switch (code) {
              case "read" -> http.get("/fhir/" + type + "/" + id);
              // Patients are searched only by NHS number, casework by patient.
              case "search-type" ->
                  http.get(
                      "/fhir/"
                          + type
                          + switch (type) {
                            case "Patient" -> "?identifier=9990000018";
                            case "QuestionnaireResponse", "Observation", "CarePlan", "Goal" ->
                                "?patient=Patient/" + UUID.randomUUID();
                            default -> "";
                          });
              case "create" -> http.post("/fhir/" + type, body);
              case "update" -> http.put("/fhir/" + type + "/" + id, body);
              case "delete" -> http.delete("/fhir/" + type + "/" + id);
              default -> null;
            };
        if (answer == null) {
          wrong.add(type + " " + code + ": not walked");
          continue;
        }
        walked++;
        if (answer.status() != 403
            || !(answer.resource() instanceof OperationOutcome outcome)
            || !FhirValidation.errors(outcome).isEmpty()) {
          wrong.add(type + " " + code + ": " + answer.status());
        }
      }
    }
    FhirClient noWrite = f.register(clients, f.org.practice, List.of("system/*.read"), "GP");
    FhirHttp.Answer transaction =
        f.client(noWrite, null).post("/fhir", f.transaction("T", f.patient("A", "B", null)));
    if (transaction.status() != 403) {
      wrong.add("transaction: " + transaction.status());
    }
    assertThat(wrong).isEmpty();
    assertThat(walked).isGreaterThan(10);
    List<AuditEvent> refusals =
        audit.search(new AuditQuery("fhir-test-", null, "FHIR_SCOPE", null, null, 0, 200)).events();
    assertThat(refusals.size()).isGreaterThanOrEqualTo(walked + 1);
  }

  private static Resource blank(String type, String id) {
    Resource r = (Resource) FhirValidation.CONTEXT.getResourceDefinition(type).newInstance();
    if (id != null) {
      r.setId(id);
    }
    return r;
  }
}

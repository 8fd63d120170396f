package org.waymark.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.support.WaymarkIntegrationTest;

@WaymarkIntegrationTest
class AuditLogIntegrationTests {

  private static final String APPEND_ONLY_UPDATE =
      "ERROR: audit_event is append-only: UPDATE is not allowed";
  private static final String APPEND_ONLY_DELETE =
      "ERROR: audit_event is append-only: DELETE is not allowed";
  private static final String APPEND_ONLY_TRUNCATE =
      "ERROR: audit_event is append-only: TRUNCATE is not allowed";

  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @Test
  void theDatabaseRefusesToChangeOrRemoveAnEntry() {
    UUID person = UUID.randomUUID();
    audit.record(AuditEntry.allowed("PERSON_READ", "person", person, person));
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit_event SET action = 'NOTHING' WHERE person_id = ?")
                    .param(person)
                    .update())
        .rootCause()
        .hasMessageStartingWith(APPEND_ONLY_UPDATE);
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit_event WHERE person_id = ?").param(person).update())
        .rootCause()
        .hasMessageStartingWith(APPEND_ONLY_DELETE);
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
        .rootCause()
        .hasMessageStartingWith(APPEND_ONLY_TRUNCATE);
    assertThat(audit.forPerson(person))
        .singleElement()
        .extracting(AuditEvent::action)
        .isEqualTo("PERSON_READ");
  }

  @Test
  void searchesByPersonActionAndDate() {
    UUID person = UUID.randomUUID();
    audit.record(
        AuditEntry.allowed("PERSON_UPDATED", "person", person, person).withDetail("names"));
    audit.record(AuditEntry.refused("READ_PERSON", "person", person, person));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    assertThat(audit.search(new AuditQuery(null, person, null, null, null, 0, 50)).total())
        .isEqualTo(2);
    assertThat(
            audit
                .search(new AuditQuery(null, person, "PERSON_UPDATED", today, today, 0, 50))
                .events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.ALLOWED);
              assertThat(e.detail()).isEqualTo("names");
            });
    assertThat(
            audit
                .search(new AuditQuery(null, person, null, today.plusDays(1), null, 0, 50))
                .total())
        .isZero();
    assertThat(
            audit
                .search(new AuditQuery(null, person, null, null, today.minusDays(1), 0, 50))
                .total())
        .isZero();
    // Anonymous entries belong to the deployment.
    assertThat(audit.forPerson(person))
        .allSatisfy(e -> assertThat(e.organisationId()).isEqualTo(AuditLog.DEPLOYMENT));
  }

  @Test
  void pagesThroughResultsNewestFirst() {
    UUID person = UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      audit.record(
          AuditEntry.allowed("PERSON_READ", "person", person, person).withDetail("read " + i));
    }
    AuditPage first = audit.search(new AuditQuery(null, person, null, null, null, 0, 2));
    AuditPage last = audit.search(new AuditQuery(null, person, null, null, null, 2, 2));
    assertThat(first.total()).isEqualTo(5);
    assertThat(first.totalPages()).isEqualTo(3);
    assertThat(first.events()).extracting(AuditEvent::detail).containsExactly("read 4", "read 3");
    assertThat(last.events()).extracting(AuditEvent::detail).containsExactly("read 0");
    assertThat(last.hasNext()).isFalse();
  }
}

package org.waymark.fhir.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code fhir_subscription} table. */
@Repository
class SubscriptionStore {

  /**
   * A rest-hook subscription.
   *
   * @param statuses the Task statuses it is about; empty for every change
   * @param headers each {@code Name: value}, sent with every notification
   */
  record StoredSubscription(
      UUID organisationId,
      UUID id,
      UUID clientId,
      String criteria,
      List<String> statuses,
      String endpoint,
      List<String> headers,
      String reason,
      String status,
      String error,
      Instant endAt,
      Instant lastNotifiedAt) {}

  private static final String COLUMNS =
      "organisation_id, id, client_id, criteria, endpoint, headers, reason, status, error, end_at,"
          + " last_notified_at";

  private final JdbcClient jdbc;

  SubscriptionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StoredSubscription s) {
    jdbc.sql(
            """
            INSERT INTO fhir_subscription (organisation_id, id, client_id, criteria, endpoint,
                                           headers, reason, status, end_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            s.organisationId(),
            s.id(),
            s.clientId(),
            s.criteria(),
            s.endpoint(),
            s.headers().toArray(String[]::new),
            s.reason(),
            s.status(),
            s.endAt() == null ? null : Timestamp.from(s.endAt()))
        .update();
  }

  Optional<StoredSubscription> find(UUID organisationId, UUID id) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM fhir_subscription WHERE organisation_id = ? AND id = ? AND status <> 'off'")
        .params(organisationId, id)
        .query(SubscriptionStore::map)
        .optional();
  }

  /** A client's subscriptions that are not switched off. */
  List<StoredSubscription> ofClient(UUID clientId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM fhir_subscription WHERE client_id = ? AND status <> 'off' ORDER BY created_at")
        .param(clientId)
        .query(SubscriptionStore::map)
        .list();
  }

  /** The subscriptions of an organisation's clients that are not switched off. */
  List<StoredSubscription> ofOrganisation(UUID organisationId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM fhir_subscription WHERE organisation_id = ? AND status <> 'off'"
                + " ORDER BY created_at")
        .param(organisationId)
        .query(SubscriptionStore::map)
        .list();
  }

  void switchOff(UUID organisationId, UUID id) {
    jdbc.sql("UPDATE fhir_subscription SET status = 'off' WHERE organisation_id = ? AND id = ?")
        .params(organisationId, id)
        .update();
  }

  void delivered(UUID organisationId, UUID id, Instant at) {
    jdbc.sql(
            "UPDATE fhir_subscription SET status = 'active', error = NULL, last_notified_at = ?"
                + " WHERE organisation_id = ? AND id = ? AND status <> 'off'")
        .params(Timestamp.from(at), organisationId, id)
        .update();
  }

  void failed(UUID organisationId, UUID id, String error) {
    jdbc.sql(
            "UPDATE fhir_subscription SET status = 'error', error = ?"
                + " WHERE organisation_id = ? AND id = ? AND status <> 'off'")
        .params(error, organisationId, id)
        .update();
  }

  private static StoredSubscription map(ResultSet rs, int n) throws SQLException {
    String criteria = rs.getString("criteria");
    Timestamp end = rs.getTimestamp("end_at");
    Timestamp last = rs.getTimestamp("last_notified_at");
    return new StoredSubscription(
        rs.getObject("organisation_id", UUID.class),
        rs.getObject("id", UUID.class),
        rs.getObject("client_id", UUID.class),
        criteria,
        Subscriptions.statuses(criteria),
        rs.getString("endpoint"),
        Arrays.asList((String[]) rs.getArray("headers").getArray()),
        rs.getString("reason"),
        rs.getString("status"),
        rs.getString("error"),
        end == null ? null : end.toInstant(),
        last == null ? null : last.toInstant());
  }
}

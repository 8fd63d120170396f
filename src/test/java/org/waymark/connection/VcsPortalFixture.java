package org.waymark.connection;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jsoup.nodes.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.directory.DirectoryImports;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Membership;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Role;
import org.waymark.identity.UserAccount;
import org.waymark.support.DemoAccounts;
import org.waymark.support.TestUsers;
import org.waymark.support.WebSession;

/**
 * The demo service as the connection tests use it: the demo link worker refers people on their open
 * cases to Good Neighbours Befriending (a VCS organisation that answers in Waymark), whose demo
 * coordinator answers. Also makes VCS organisations of its own, with services, and writes crafted
 * connections straight into the table.
 */
final class VcsPortalFixture {

  final IdentityManagement identity;
  final Connections connections;
  final JdbcClient jdbc;
  final int port;
  final UserAccount linkWorker;
  final UUID pcnId;
  final UUID goodNeighboursId;
  final UUID befriendingId;

  VcsPortalFixture(
      IdentityManagement identity, Connections connections, JdbcClient jdbc, int port) {
    this.identity = identity;
    this.connections = connections;
    this.jdbc = jdbc;
    this.port = port;
    this.linkWorker = demoUser(Role.LINK_WORKER);
    this.pcnId =
        jdbc.sql(
                "SELECT organisation_id FROM casework_case WHERE link_worker_id = ?"
                    + " AND status = 'OPEN' LIMIT 1")
            .param(linkWorker.id())
            .query(UUID.class)
            .single();
    this.goodNeighboursId = demoUser(Role.VCS_COORDINATOR).memberships().get(0).organisationId();
    this.befriendingId =
        jdbc.sql(
                "SELECT id FROM directory_service WHERE organisation_id = ? AND name = 'Befriending visits'")
            .param(goodNeighboursId)
            .query(UUID.class)
            .single();
  }

  UserAccount demoUser(Role role) {
    String email = DemoAccounts.email(role);
    return identity.searchUsers(email).stream()
        .filter(u -> u.email().equals(email))
        .findFirst()
        .orElseThrow();
  }

  static String unique() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return b.toString();
  }

  /** The open cases of the demo link worker. */
  List<UUID> openCases() {
    return jdbc.sql(
            "SELECT id FROM casework_case WHERE link_worker_id = ? AND organisation_id = ?"
                + " AND status = 'OPEN' ORDER BY opened_at")
        .params(linkWorker.id(), pcnId)
        .query(UUID.class)
        .list();
  }

  /** A referral from the demo link worker's first open case to Befriending visits. */
  Connection refer() {
    return refer(befriendingId, openCases().get(0));
  }

  Connection refer(UUID serviceId, UUID caseId) {
    return as(
        linkWorker,
        pcnId,
        () ->
            connections.refer(
                caseId,
                new OnwardReferral(
                    serviceId,
                    List.of("LONELINESS"),
                    "Mobile 07700 900999 (weekday mornings)",
                    "Getting out of the house and meeting people",
                    "Uses a walking stick; ring the bell twice",
                    true,
                    null)));
  }

  /** Runs work as this user acting for this organisation, as a signed-in request would. */
  static <T> T as(UserAccount account, UUID organisationId, Supplier<T> work) {
    return TestUsers.as(account, organisationId, work);
  }

  /** A session of a user signed in through the form, acting for this organisation. */
  WebSession signedIn(String email, String password, UUID organisationId, Role role) {
    WebSession session = new WebSession(port);
    WebSession.Page answer = session.signIn(email, password);
    if (answer.status() != 302 || answer.location().contains("/login")) {
      throw new IllegalStateException("Sign-in failed for " + email);
    }
    WebSession.Page chosen =
        session.post("/choose-organisation", form("membership", organisationId + ":" + role));
    if (chosen.status() != 302) {
      throw new IllegalStateException(
          "Could not act for " + organisationId + ": " + chosen.status());
    }
    return session;
  }

  WebSession demoLinkWorker() {
    return signedIn(linkWorker.email(), DemoAccounts.PASSWORD, pcnId, Role.LINK_WORKER);
  }

  WebSession coordinator() {
    return new WebSession(port).signedInAs(Role.VCS_COORDINATOR);
  }

  WebSession signedIn(UserAccount user) {
    Membership m = user.memberships().get(0);
    return signedIn(user.email(), TestUsers.PASSWORD, m.organisationId(), m.role());
  }

  /** A new VCS organisation with a coordinator. */
  record Vcs(Organisation organisation, UserAccount coordinator) {}

  Vcs newVcs() {
    Organisation org =
        identity.createOrganisation(
            OrganisationType.VCS, "Test Befrienders " + unique(), null, null, "LS6 1AA");
    return new Vcs(org, TestUsers.create(identity, org.id(), Role.VCS_COORDINATOR));
  }

  /**
   * Services held by this organisation, imported as its own ORUK listing: each name with its
   * capacity (null for none); all answer in Waymark within 7 working days. Returns their ids in
   * order.
   */
  List<UUID> services(DirectoryImports imports, UUID holder, Map<String, Integer> capacities) {
    String source = "test-" + unique();
    StringBuilder json = new StringBuilder("{\"contents\": [");
    int i = 0;
    for (Map.Entry<String, Integer> e : capacities.entrySet()) {
      if (i++ > 0) {
        json.append(',');
      }
      json.append(
          """
          {"id": "%s-%d", "name": "%s", "description": "A test service.", "status": "active",
           "waymark": {"accepting_referrals": "YES", "referral_method": "WAYMARK", %s "answer_days": 7}}
          """
              .formatted(
                  source,
                  i,
                  e.getKey(),
                  e.getValue() == null ? "" : "\"capacity\": " + e.getValue() + ","));
    }
    json.append("]}");
    imports.importStream(
        holder,
        DirectoryImports.Format.ORUK_3_JSON,
        source,
        new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8)),
        null);
    List<UUID> ids = new ArrayList<>();
    for (String name : capacities.keySet()) {
      ids.add(
          jdbc.sql("SELECT id FROM directory_service WHERE organisation_id = ? AND name = ?")
              .params(holder, name)
              .query(UUID.class)
              .single());
    }
    return ids;
  }

  /** Writes a connection straight into the table, as sent to a service at a given time. */
  UUID craft(
      UUID organisationId,
      UUID requestedBy,
      UUID holder,
      UUID serviceId,
      String serviceName,
      ConnectionStatus status,
      Instant requestedAt,
      LocalDate answerDueOn,
      Instant answeredAt) {
    UUID id = UUID.randomUUID();
    StatusReason reason = status.needsReason() ? StatusReason.forStatus(status).get(0) : null;
    jdbc.sql(
            """
            INSERT INTO connection (organisation_id, id, case_id, referral_id, person_id,
              requested_by, service_id, service_holder_id, service_name, method, status,
              status_reason, shared_name, shared_contact, shared_needs, shared_need_labels,
              shared_consent, requested_at, answer_due_on, answered_at, status_changed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAYMARK', ?, ?, ?, 'Phone 01632 960000',
              ARRAY['LONELINESS'], ARRAY['Loneliness'], 'Agreed', ?, ?, ?, ?)
            """)
        .params(
            organisationId,
            id,
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            requestedBy,
            serviceId,
            holder,
            serviceName,
            status.name(),
            reason == null ? null : reason.name(),
            "Crafted " + unique(),
            Timestamp.from(requestedAt),
            Date.valueOf(answerDueOn),
            answeredAt == null ? null : Timestamp.from(answeredAt),
            Timestamp.from(answeredAt == null ? requestedAt : answeredAt))
        .update();
    return id;
  }

  /** Whether a list (walked page by page) has a row for this connection. */
  static boolean lists(WebSession session, String path, UUID id) {
    String sep = path.contains("?") ? "&" : "?";
    for (int page = 0; page < 40; page++) {
      Document d = session.get(path + sep + "page=" + page).document();
      if (!d.select("[data-connection=" + id + "]").isEmpty()) {
        return true;
      }
      if (d.select(".nhsuk-pagination__link--next").isEmpty()) {
        return false;
      }
    }
    return false;
  }

  static Map<String, String> form(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}

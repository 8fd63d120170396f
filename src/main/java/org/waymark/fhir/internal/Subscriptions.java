package org.waymark.fhir.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.waymark.connection.ConnectionStatusChanged;
import org.waymark.referral.ReferralStatusChanged;

/**
 * Rest-hook subscriptions to Task changes. A referral's Task change is told to the subscriptions of
 * the client that made the referral; an onward referral's to those of the clients of the
 * organisation holding the service. Each notification is an empty POST to the subscription's
 * endpoint (no payload, so no personal data travels outside an authenticated, audited read): the
 * client then reads the Task, or searches with {@code _lastUpdated}. Notifications are sent after
 * the change committed, from the event publication registry, so a change is never told before it
 * happened, and one not yet told when the application stopped is told when it starts again.
 */
@Component
class Subscriptions {

  private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

  private static final Set<String> RESTRICTED_HEADERS =
      Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding");

  private final SubscriptionStore store;
  private final FhirReferralStore links;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  Subscriptions(SubscriptionStore store, FhirReferralStore links) {
    this.store = store;
    this.links = links;
  }

  /**
   * The Task statuses a criteria string is about: {@code Task} for every change, or {@code
   * Task?status=accepted,completed}.
   *
   * @throws IllegalArgumentException for anything else
   */
  static List<String> statuses(String criteria) {
    if ("Task".equals(criteria)) {
      return List.of();
    }
    if (criteria == null || !criteria.startsWith("Task?status=") || criteria.indexOf('&') >= 0) {
      throw new IllegalArgumentException(
          "Criteria are Task, or Task?status= with Task statuses separated by commas.");
    }
    List<String> statuses = new ArrayList<>();
    for (String code : criteria.substring("Task?status=".length()).split(",")) {
      try {
        Task.TaskStatus.fromCode(code);
      } catch (Exception e) {
        throw new IllegalArgumentException("Not a Task status: " + code);
      }
      statuses.add(code);
    }
    return List.copyOf(statuses);
  }

  /**
   * Why an endpoint cannot be used, or null if it can: HTTPS, or HTTP to this machine only (for a
   * system running beside Waymark).
   */
  static String endpointProblem(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean loopback =
          host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
      if (scheme.equals("https") && !host.isEmpty()) {
        return null;
      }
      if (scheme.equals("http") && loopback) {
        return null;
      }
      return "The endpoint must be an https URL.";
    } catch (URISyntaxException | NullPointerException e) {
      return "The endpoint is not a URL.";
    }
  }

  /** Why a header cannot be sent, or null if it can. */
  static String headerProblem(String header) {
    int colon = header.indexOf(':');
    if (colon <= 0 || header.substring(colon + 1).isBlank()) {
      return "Each header is Name: value.";
    }
    String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9-]+") || RESTRICTED_HEADERS.contains(name)) {
      return "The header " + header.substring(0, colon).strip() + " cannot be set.";
    }
    return null;
  }

  @ApplicationModuleListener
  void on(ReferralStatusChanged changed) {
    links
        .find(changed.organisationId(), changed.referralId())
        .ifPresent(
            link ->
                notifyAll(
                    store.ofClient(link.clientId()),
                    ReferralResources.taskStatus(changed.to()).toCode()));
  }

  @ApplicationModuleListener
  void on(ConnectionStatusChanged changed) {
    notifyAll(store.ofOrganisation(changed.serviceHolderId()), changed.to().fhirCode());
  }

  private void notifyAll(List<SubscriptionStore.StoredSubscription> subscriptions, String status) {
    Instant now = Instant.now();
    for (SubscriptionStore.StoredSubscription s : subscriptions) {
      if (s.endAt() != null && s.endAt().isBefore(now)) {
        store.switchOff(s.organisationId(), s.id());
        continue;
      }
      if (!s.statuses().isEmpty() && !s.statuses().contains(status)) {
        continue;
      }
      send(s);
    }
  }

  private void send(SubscriptionStore.StoredSubscription s) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(s.endpoint()))
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.noBody());
      for (String header : s.headers()) {
        int colon = header.indexOf(':');
        request.header(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
      }
      HttpResponse<Void> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 == 2) {
        store.delivered(s.organisationId(), s.id(), Instant.now());
      } else {
        store.failed(s.organisationId(), s.id(), "The endpoint answered " + answer.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      store.failed(s.organisationId(), s.id(), "Interrupted");
    } catch (Exception e) {
      log.info("FHIR subscription {} could not be notified: {}", s.id(), e.toString());
      store.failed(
          s.organisationId(),
          s.id(),
          "The endpoint could not be reached (" + e.getClass().getSimpleName() + ")");
    }
  }
}

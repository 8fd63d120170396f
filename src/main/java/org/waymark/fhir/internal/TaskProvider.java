package org.waymark.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionChange;
import org.waymark.connection.ConnectionStatus;
import org.waymark.connection.Connections;
import org.waymark.connection.ServiceInbox;
import org.waymark.connection.StatusReason;
import org.waymark.referral.Referral;
import org.waymark.referral.Referrals;

/**
 * Task: the referral's closed loop as the referrer follows it (requested, accepted, rejected,
 * completed with the discharge summary as its output), and an onward referral's as the community
 * service that performs it reads and moves it on.
 */
@Component
class TaskProvider implements IResourceProvider {

  private final Referrals referrals;
  private final ReferralResources resources;
  private final Connections connections;
  private final ConnectionResources connectionResources;
  private final ServiceInbox inbox;

  TaskProvider(
      Referrals referrals,
      ReferralResources resources,
      Connections connections,
      ConnectionResources connectionResources,
      ServiceInbox inbox) {
    this.inbox = inbox;
    this.referrals = referrals;
    this.resources = resources;
    this.connections = connections;
    this.connectionResources = connectionResources;
  }

  @Override
  public Class<Task> getResourceType() {
    return Task.class;
  }

  @Read
  public Task read(@IdParam IdType id) {
    UUID connectionId = ConnectionResources.idOf(id.getIdPart());
    if (connectionId != null) {
      return connectionResources.task(connections.findForService(connectionId));
    }
    UUID referralId =
        Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, id.getIdPart())
            .orElseThrow(() -> new ResourceNotFoundException(id));
    return resources.task(referrals.find(referralId));
  }

  /**
   * The performer moves an onward referral's Task on: accepted, rejected, in-progress, on-hold,
   * completed or failed, as the connection's own rules allow, with a statusReason coding of {@code
   * connection-status-reason} where the state needs one and the output text for completed. The
   * version read ({@code If-Match} or {@code meta.versionId}) must still be current. A referral's
   * Task follows Waymark's own triage; its requester may only cancel it (see {@link #cancel}).
   */
  @Update
  public MethodOutcome update(@IdParam IdType id, @ResourceParam Task task) {
    UUID connectionId = ConnectionResources.idOf(id.getIdPart());
    if (connectionId == null) {
      UUID referralId =
          Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, id.getIdPart())
              .orElseThrow(() -> new ResourceNotFoundException(id));
      return cancel(referralId, versionRead(id, task), task);
    }
    long expected = versionRead(id, task);
    ConnectionStatus to =
        java.util.Arrays.stream(ConnectionStatus.values())
            .filter(s -> task.hasStatus() && s.fhirCode().equals(task.getStatus().toCode()))
            .findFirst()
            .orElseThrow(
                () -> new FhirInputException("Task.status", "Not a status this Task can take."));
    StatusReason reason = null;
    String detail = task.hasStatusReason() ? task.getStatusReason().getText() : null;
    for (var coding : task.getStatusReason().getCoding()) {
      if (Fhir.STATUS_REASON_SYSTEM.equals(coding.getSystem())) {
        try {
          reason = StatusReason.valueOf(coding.getCode());
        } catch (IllegalArgumentException | NullPointerException e) {
          throw new FhirInputException("Task.statusReason", "Not a reason Waymark knows.");
        }
      }
    }
    String outcome =
        task.getOutput().stream()
            .filter(o -> o.getValue() instanceof StringType)
            .map(o -> ((StringType) o.getValue()).getValue())
            .findFirst()
            .orElse(null);
    Connection changed =
        connections.change(
            connectionId,
            expected,
            new ConnectionChange(
                to,
                reason,
                reason == null ? null : detail,
                to == ConnectionStatus.COMPLETED ? outcome : null));
    MethodOutcome result =
        new MethodOutcome(
            new IdType("Task", Fhir.connectionId(connectionId), Long.toString(changed.version())));
    result.setResource(connectionResources.task(changed));
    return result;
  }

  /**
   * The requester cancels its referral's Task while the service has not yet decided on it: status
   * {@code cancelled} with a {@code statusReason} saying why, from the version read. The referral
   * is withdrawn (the referral module's own rule: only the account that made it, only while it
   * waits for triage; once accepted the service closes it, 409). Every other status of a referral's
   * Task is the service's to set (422).
   */
  private MethodOutcome cancel(UUID referralId, long version, Task task) {
    if (!task.hasStatus() || task.getStatus() != Task.TaskStatus.CANCELLED) {
      throw new FhirInputException(
          "Task.status",
          "A referrer may only cancel its referral's Task; the service sets the other statuses.");
    }
    String reason = task.hasStatusReason() ? task.getStatusReason().getText() : null;
    if (reason == null || reason.isBlank()) {
      throw new FhirInputException(
          "Task.statusReason", "Say why the referral is cancelled, in statusReason.text.");
    }
    Referral withdrawn = referrals.withdraw(referralId, version, reason);
    MethodOutcome result =
        new MethodOutcome(
            new IdType("Task", Fhir.referralId(referralId), Long.toString(withdrawn.version())));
    result.setResource(resources.task(withdrawn));
    return result;
  }

  /** The version the client read, from {@code If-Match} or {@code meta.versionId}. */
  private static long versionRead(IdType id, Task task) {
    String version = id.hasVersionIdPart() ? id.getVersionIdPart() : task.getMeta().getVersionId();
    if (version == null) {
      throw new PreconditionFailedException(
          "Name the version read, in If-Match or meta.versionId.");
    }
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw new PreconditionFailedException("Not a version of this Task.");
    }
  }

  /** The Tasks of the client's referrals, most recently changed first. */
  @Search
  public List<Task> search(
      @OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
      @OptionalParam(name = Task.SP_STATUS) TokenParam status,
      @OptionalParam(name = Task.SP_FOCUS) ReferenceParam focus,
      @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
    if (ReferralSearch.performer()) {
      if (patient != null) {
        return List.of();
      }
      UUID focusConnection =
          focus == null
              ? null
              : Optional.ofNullable(ConnectionResources.idOf(focus.getIdPart()))
                  .orElse(new UUID(0, 0));
      return ReferralSearch.received(inbox, connections, lastUpdated).stream()
          .filter(c -> focusConnection == null || c.id().equals(focusConnection))
          .map(connectionResources::task)
          .filter(t -> status == null || t.getStatus().toCode().equals(status.getValue()))
          .toList();
    }
    UUID focusId =
        focus == null
            ? null
            : Fhir.uuidAfter(Fhir.REFERRAL_PREFIX, focus.getIdPart()).orElse(new UUID(0, 0));
    return ReferralSearch.mine(referrals, patient, lastUpdated).stream()
        .filter(r -> focusId == null || r.id().equals(focusId))
        .map(resources::task)
        .filter(t -> status == null || t.getStatus().toCode().equals(status.getValue()))
        .toList();
  }
}

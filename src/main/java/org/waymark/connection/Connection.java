package org.waymark.connection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An onward referral of a person to a community service.
 *
 * @param organisationId the PCN that holds the case (the tenant)
 * @param requestedBy the link worker who sent it
 * @param serviceHolderId the organisation that holds the service's listing (answers in the portal)
 * @param needs {@code NEED} codes the referral is for
 * @param statusReason set for rejected, cancelled, on hold and failed
 * @param statusDetail the reason in words, when given
 * @param answerDueOn the last working day (UK) for the service to answer
 * @param chasedAt when the service was reminded before the deadline; null if not yet
 * @param overdueFlaggedAt when the link worker was told the service had not answered; null if not
 * @param outcomeSummary what was done, when completed
 */
public record Connection(
    UUID id,
    UUID organisationId,
    UUID caseId,
    UUID referralId,
    UUID personId,
    UUID requestedBy,
    UUID serviceId,
    UUID serviceHolderId,
    String serviceName,
    String serviceOrganisationName,
    ConnectionMethod method,
    ConnectionStatus status,
    StatusReason statusReason,
    String statusDetail,
    List<String> needs,
    SharedDetails shared,
    Instant requestedAt,
    LocalDate answerDueOn,
    Instant chasedAt,
    Instant overdueFlaggedAt,
    Instant answeredAt,
    LocalDate firstSessionOn,
    int sessionsAttended,
    String outcomeSummary,
    Instant statusChangedAt,
    long version) {

  public Connection {
    needs = List.copyOf(needs);
  }

  /**
   * This connection after a change: the same referral with a new state, attendance or outcome, at
   * the next version.
   */
  public Connection changed(
      ConnectionStatus status,
      StatusReason statusReason,
      String statusDetail,
      Instant answeredAt,
      LocalDate firstSessionOn,
      int sessionsAttended,
      String outcomeSummary,
      Instant statusChangedAt) {
    return new Connection(
        id,
        organisationId,
        caseId,
        referralId,
        personId,
        requestedBy,
        serviceId,
        serviceHolderId,
        serviceName,
        serviceOrganisationName,
        method,
        status,
        statusReason,
        statusDetail,
        needs,
        shared,
        requestedAt,
        answerDueOn,
        chasedAt,
        overdueFlaggedAt,
        answeredAt,
        firstSessionOn,
        sessionsAttended,
        outcomeSummary,
        statusChangedAt,
        version + 1);
  }

  public boolean isOpen() {
    return ConnectionStatus.open().contains(status);
  }

  /** Waiting for an answer past its deadline (on a UK calendar day after {@code answerDueOn}). */
  public boolean answerOverdue(LocalDate today) {
    return status == ConnectionStatus.REQUESTED && today.isAfter(answerDueOn);
  }
}

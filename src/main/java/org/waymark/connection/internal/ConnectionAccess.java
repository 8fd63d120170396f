package org.waymark.connection.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.casework.CaseFile;
import org.waymark.casework.Casework;
import org.waymark.connection.Connection;
import org.waymark.connection.ConnectionStatus;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.Permission;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;

/**
 * The relationship half of connection access. The link worker side reaches a connection through its
 * case (whoever may read the case reads its connections; whoever may change it sends and cancels
 * them). The service side is the VCS coordinators of the organisation that holds the service, and
 * they reach nothing else about the person. Refusals are audited.
 */
@Component
public class ConnectionAccess {

  /** From which side a change is made. */
  public enum Side {
    /** The link worker who referred (or a manager of their service). */
    REQUESTER,
    /** The service, in the VCS portal. */
    PERFORMER,
    /** The link worker recording the answer of a service that does not answer in Waymark. */
    ON_BEHALF
  }

  private final AccessPolicy access;
  private final Casework casework;
  private final AuditLog audit;

  ConnectionAccess(AccessPolicy access, Casework casework, AuditLog audit) {
    this.access = access;
    this.casework = casework;
    this.audit = audit;
  }

  public UUID currentUserId() {
    return access.currentUser().orElseThrow().userId();
  }

  /** Whether the signed-in user answers for the organisation that holds the service. */
  public boolean isService(Connection c) {
    return access.may(Permission.ANSWER_CONNECTIONS)
        && access
            .currentUser()
            .map(WaymarkUser::organisationId)
            .filter(c.serviceHolderId()::equals)
            .isPresent();
  }

  /** Throws (audited) unless the user may read the connection through its case. */
  public void requireRequesterRead(Connection c) {
    if (!access.may(Permission.READ_CASEWORK)) {
      refuse("CONNECTION_READ", c);
    }
    casework.find(c.caseId()); // checks and audits the case read
  }

  /** Throws (audited) unless the user answers for the service the connection was sent to. */
  public void requireService(Connection c) {
    if (!isService(c)) {
      refuse("CONNECTION_READ", c);
    }
  }

  /** The side the user may act from, if any (no audit). */
  public Optional<Side> side(Connection c) {
    if (isService(c)) {
      return Optional.of(Side.PERFORMER);
    }
    if (!access.may(Permission.WRITE_CASEWORK)) {
      return Optional.empty();
    }
    try {
      CaseFile caseFile = casework.find(c.caseId());
      return casework.mayWrite(caseFile) ? Optional.of(Side.REQUESTER) : Optional.empty();
    } catch (AccessDeniedException e) {
      return Optional.empty();
    }
  }

  /** Whether the user may record the service's answers. */
  public boolean mayAnswer(Connection c) {
    return side(c).map(s -> s == Side.PERFORMER || !c.method().answeredInWaymark()).orElse(false);
  }

  /**
   * The side a change to {@code to} is made from; throws (audited) if the user may not make it. The
   * service sets every state; the link worker cancels, and records the service's answers only for a
   * service that does not answer in Waymark.
   */
  public Side requireChange(Connection c, ConnectionStatus to) {
    Optional<Side> side = side(c);
    if (side.isEmpty()) {
      refuse("CONNECTION_CHANGE", c);
    }
    if (side.get() == Side.PERFORMER || to == ConnectionStatus.CANCELLED) {
      return side.get();
    }
    if (c.method().answeredInWaymark()) {
      refuse("CONNECTION_CHANGE", c);
    }
    return Side.ON_BEHALF;
  }

  /** The signed-in user's role. */
  public Optional<Role> role() {
    return access.currentUser().flatMap(WaymarkUser::actingRole);
  }

  private void refuse(String action, Connection c) {
    audit.recordIndependently(AuditEntry.refused(action, "connection", c.id(), c.personId()));
    throw new AccessPolicy.AuditedAccessDeniedException();
  }
}

package org.waymark.followup;

import java.util.UUID;

/**
 * A service the person was referred or signposted to during the case, which a follow-up asks about.
 *
 * @param sourceId the connection's or signpost's id
 * @param serviceId the directory service; may be null
 * @param detail for example the organisation that runs it, or the referral's status; may be null
 */
public record ConnectedService(
    ServiceKind kind, UUID sourceId, UUID serviceId, String serviceName, String detail) {}

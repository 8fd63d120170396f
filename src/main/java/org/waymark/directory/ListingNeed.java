package org.waymark.directory;

import java.time.Instant;
import org.waymark.shared.NeedDomain;

/**
 * A need domain a listing meets: suggested (by an import, with its reason) or confirmed by a
 * curator. {@code reason}, {@code decidedBy} and {@code decidedAt} may be null.
 */
public record ListingNeed(
    NeedDomain need, boolean confirmed, String reason, String decidedBy, Instant decidedAt) {}

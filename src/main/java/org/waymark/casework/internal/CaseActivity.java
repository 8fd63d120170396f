package org.waymark.casework.internal;

import java.time.Instant;

/**
 * What the contacts of a case add up to, for the discharge summary.
 *
 * @param attended contacts the person attended
 * @param missed contacts the person did not attend
 * @param cancelled contacts cancelled by the person or by the service
 * @param firstContactAt the first attended contact; null if none
 */
public record CaseActivity(int attended, int missed, int cancelled, Instant firstContactAt) {

  public static final CaseActivity NONE = new CaseActivity(0, 0, 0, null);
}

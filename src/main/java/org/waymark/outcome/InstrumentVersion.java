package org.waymark.outcome;

import java.time.Instant;

/**
 * One published version of an instrument, as listed for administrators.
 *
 * @param shipped true if Waymark ships it, false if an administrator built it here
 */
public record InstrumentVersion(
    String code, int version, String title, boolean shipped, Instant publishedAt) {}

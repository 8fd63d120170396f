package org.waymark.directory;

/**
 * One reason a service was found or suggested, as data ({@code kind}) and as the words shown to a
 * link worker ({@code text}, for example 'need: loneliness' or '1.2 km').
 */
public record MatchReason(Kind kind, String text) {

  /** What the reason is about, in the order reasons are shown. */
  public enum Kind {
    /** The free text matched (by word, or by similar spelling). */
    TEXT,
    /** A need domain the service meets; says 'suggested' when not yet confirmed by a curator. */
    NEED,
    /** A taxonomy term the service carries (or one below the term searched for). */
    TAXONOMY,
    /** How far the nearest of its locations is. */
    DISTANCE,
    /** Free of charge. */
    FREE,
    /** Open at the time asked about, with the opening hours that matched. */
    OPEN,
    /** Its age limits fit the person's age. */
    AGE,
    /** Accepting referrals now. */
    ACCEPTING
  }
}

package org.waymark.outcome;

/**
 * What happened when someone used a self-completion link.
 *
 * @param session the session to keep, only when {@link Result#OPENED}
 */
public record LinkOpening(Result result, SelfCompletionSession session) {

  /** The ways a link can be answered. */
  public enum Result {
    /** First use: exchanged for a session bound to its questionnaire. */
    OPENED,
    /** Used before (the session it gave may have ended); a new link can be asked for. */
    USED,
    /** Past its date, or replaced by a newer link; a new link can be asked for. */
    EXPIRED,
    /** The answers were sent already; nothing more to do. */
    ANSWERED,
    /** Not a link Waymark sent (mistyped, altered or made up). */
    UNKNOWN
  }

  static LinkOpening of(Result result) {
    return new LinkOpening(result, null);
  }
}

package org.waymark.outcome;

/**
 * The browser's self-completion session has ended (its time is up, or its link was replaced by a
 * newer one): the person needs a new link to go on.
 */
public class SelfCompletionSessionEndedException extends RuntimeException {

  public SelfCompletionSessionEndedException() {
    super("The session for this questionnaire has ended");
  }
}

package org.waymark.casework;

/**
 * One need domain in a "what matters to me" assessment. Each answer is optional.
 *
 * @param need a {@code NEED} code
 * @param importance how much it matters to the person; may be null
 * @param going how things are going for them; may be null
 * @param inTheirWords what the person said, up to 2,000 characters; may be null
 */
public record AssessedNeed(
    String need, Importance importance, HowItIsGoing going, String inTheirWords) {

  /** Whether anything was recorded for this need. */
  public boolean isAnswered() {
    return importance != null || going != null || (inTheirWords != null && !inTheirWords.isBlank());
  }
}

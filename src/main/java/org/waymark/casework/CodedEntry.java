package org.waymark.casework;

/**
 * One SNOMED CT concept of the GP-facing part of a discharge summary.
 *
 * @param sourceCode the code list code it stands for (a need or closure reason); null for the
 *     referral itself
 * @param display the text sent with the concept: the code list entry's label
 */
public record CodedEntry(Source source, String sourceCode, String snomedCode, String display) {

  /** Where the concept comes from. */
  public enum Source {
    REFERRAL,
    NEED,
    CLOSURE_REASON
  }

  /** {@code 871731000000106} Referral to social prescribing service. */
  public static final CodedEntry REFERRAL_TO_SOCIAL_PRESCRIBING =
      new CodedEntry(
          Source.REFERRAL, null, "871731000000106", "Referral to social prescribing service");
}

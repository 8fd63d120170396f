package org.waymark.referral;

/**
 * Who referred, as they gave it: for a self-referral all may be null; for a professional, name and
 * a way to reach them are required.
 *
 * @param jobTitle for example "GP" or "Practice nurse"
 * @param organisationName the referrer's organisation as they name it
 */
public record ReferrerDetails(
    String name, String jobTitle, String organisationName, String phone, String email) {

  public static ReferrerDetails none() {
    return new ReferrerDetails(null, null, null, null, null);
  }
}

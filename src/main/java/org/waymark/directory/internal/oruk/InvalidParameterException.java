package org.waymark.directory.internal.oruk;

/**
 * A query parameter of the Open Referral UK API that cannot be understood. Answered with 400
 * problem details naming the parameter, so a caller learns what to fix instead of getting an empty
 * or unfiltered page.
 */
public class InvalidParameterException extends RuntimeException {

  private final String parameter;

  /**
   * @param parameter the query parameter's name as the caller sent it
   * @param detail what is wrong with it, in a sentence a developer can act on
   */
  public InvalidParameterException(String parameter, String detail) {
    super(detail);
    this.parameter = parameter;
  }

  /** The query parameter's name as the caller sent it. */
  public String parameter() {
    return parameter;
  }
}

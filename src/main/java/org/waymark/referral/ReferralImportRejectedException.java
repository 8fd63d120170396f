package org.waymark.referral;

import java.util.List;
import org.waymark.referral.ReferralValidationException.Problem;

/**
 * An import file that was not imported, and nothing of it was written: either the file as a whole
 * is unusable ({@link #fileProblem()}: too large, not UTF-8, wrong headers, no rows), or some rows
 * break the rules ({@link #rows()}).
 */
public class ReferralImportRejectedException extends RuntimeException {

  /**
   * A bad row's problems.
   *
   * @param rowNumber the row as a spreadsheet numbers it: the header is row 1
   * @param problems each with the field (as in {@link NewReferral}) and a message key
   */
  public record RowProblems(int rowNumber, List<Problem> problems) {}

  /**
   * Why the file as a whole was refused.
   *
   * @param messageKey a key of {@code messages/referral.properties}
   * @param arguments the message's arguments, for example the missing column names
   */
  public record FileProblem(String messageKey, List<Object> arguments) {}

  private final transient List<RowProblems> rows;
  private final transient FileProblem fileProblem;

  public ReferralImportRejectedException(List<RowProblems> rows) {
    super("Import rejected: " + rows.size() + " rows with problems");
    this.rows = List.copyOf(rows);
    this.fileProblem = null;
  }

  public ReferralImportRejectedException(String messageKey, Object... arguments) {
    super("Import rejected: " + messageKey);
    this.rows = List.of();
    this.fileProblem = new FileProblem(messageKey, List.of(arguments));
  }

  /** The bad rows in file order; empty when the file as a whole was refused. */
  public List<RowProblems> rows() {
    return rows;
  }

  /** Why the whole file was refused; null when rows were. */
  public FileProblem fileProblem() {
    return fileProblem;
  }
}

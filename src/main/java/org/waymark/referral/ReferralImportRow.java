package org.waymark.referral;

import java.util.List;
import org.waymark.referral.ReferralValidationException.Problem;

/**
 * One row of an import file as read.
 *
 * @param rowNumber the row as a spreadsheet numbers it: the header is row 1
 * @param referral the row's values; a value that could not be read is null
 * @param problems what could not be read, for example a date in another format; may be empty
 */
record ReferralImportRow(int rowNumber, NewReferral referral, List<Problem> problems) {}

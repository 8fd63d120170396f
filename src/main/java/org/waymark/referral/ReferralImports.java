package org.waymark.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;
import org.waymark.identity.Permission;

/**
 * Imports referrals from a CSV file, all or none (see {@link Referrals} for the rules each row
 * meets). The file is UTF-8 with a header row; the columns are the template's ({@link
 * #template()}). A file over {@code waymark.referral.import.max-bytes} (5 MB) or with more than
 * {@code waymark.referral.import.max-rows} (5,000) rows is refused as a whole.
 */
@Service
public class ReferralImports {

  private final Referrals referrals;
  private final IdentityManagement identity;
  private final AccessPolicy access;
  private final long maxBytes;
  private final int maxRows;

  ReferralImports(
      Referrals referrals,
      IdentityManagement identity,
      AccessPolicy access,
      @Value("${waymark.referral.import.max-bytes:5242880}") long maxBytes,
      @Value("${waymark.referral.import.max-rows:5000}") int maxRows) {
    this.referrals = referrals;
    this.identity = identity;
    this.access = access;
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
  }

  /** The largest file accepted, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The most rows a file may have, not counting the header. */
  public int maxRows() {
    return maxRows;
  }

  /**
   * Imports every row of the file for the signed-in service manager, or none.
   *
   * @return the referrals made, in file order
   * @throws ReferralImportRejectedException if the file or any row is refused; nothing is written
   * @throws org.springframework.security.access.AccessDeniedException if the user may not import
   *     referrals (audited)
   */
  public List<Referral> importCsv(InputStream file) {
    UUID organisationId = access.currentUser().map(u -> u.organisationId()).orElse(null);
    access.require(Permission.IMPORT_REFERRALS, organisationId, "referral", null, null);
    Map<String, UUID> practices =
        identity.organisations(OrganisationType.GP_PRACTICE).stream()
            .filter(o -> o.odsCode() != null)
            .collect(
                Collectors.toMap(
                    o -> o.odsCode().toUpperCase(Locale.ROOT), Organisation::id, (a, b) -> a));
    List<ReferralImportRow> rows;
    try {
      rows =
          ReferralCsv.read(
              file,
              maxBytes,
              maxRows,
              ods -> Optional.ofNullable(practices.get(ods.strip().toUpperCase(Locale.ROOT))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return referrals.importRows(rows);
  }

  /** The import template: the header row and one example row of fictional data, as UTF-8 CSV. */
  public byte[] template() {
    return ReferralCsv.template();
  }

  /** The template column a problem's field belongs to, for example {@code nhs_number}. */
  public static String column(String field) {
    return ReferralCsv.column(field);
  }
}

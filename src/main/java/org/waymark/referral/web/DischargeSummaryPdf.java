package org.waymark.referral.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.waymark.referral.Referral;
import org.waymark.shared.NhsNumber;
import org.waymark.shared.pdf.TextPdf;

/**
 * A closed referral's discharge summary as a PDF for the referrer's records: a heading with the
 * reference, the person's name, NHS number and dates, then the summary, wrapped to the page and
 * continued on further pages. The text is set in DejaVu Sans, embedded (the used letters only), so
 * names in any Latin, Greek or Cyrillic script print as written (Łukasiewicz-Nguyễn); a character
 * the font lacks is printed as its closest plain letter, or as a question mark.
 */
final class DischargeSummaryPdf {

  private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private DischargeSummaryPdf() {}

  /**
   * @param serviceName the PCN that received the referral; may be null
   */
  static byte[] render(Referral r, String serviceName) {
    try (TextPdf pdf =
        TextPdf.create(
            "Discharge summary " + r.reference(), "Social prescribing discharge summary")) {
      pdf.heading("Social prescribing discharge summary", 1).space();
      pdf.field("Reference", r.reference());
      pdf.field("Person", r.personName());
      pdf.field("NHS number", nhsNumber(r.personAsReferred().nhsNumber()));
      pdf.field(
          "Date of birth",
          r.personAsReferred().dateOfBirth() == null
              ? "Not given"
              : DATE.format(r.personAsReferred().dateOfBirth()));
      pdf.field("Referred on", date(r.receivedAt()));
      pdf.field("Discharged on", date(r.dischargedAt()));
      if (serviceName != null) {
        pdf.field("Service", serviceName);
      }
      if (r.referrer() != null && r.referrer().name() != null) {
        pdf.field(
            "Referred by",
            r.referrer().name()
                + (r.referrer().organisationName() == null
                    ? ""
                    : ", " + r.referrer().organisationName()));
      }
      pdf.heading("Summary", 2);
      pdf.paragraph(r.dischargeSummary() == null ? "" : r.dischargeSummary());
      return pdf.bytes();
    }
  }

  private static String nhsNumber(String text) {
    if (text == null || text.isBlank()) {
      return "Not given";
    }
    return NhsNumber.isValid(text) ? NhsNumber.of(text).formatted() : text;
  }

  private static String date(Instant at) {
    return at == null ? "Not recorded" : DATE.format(at.atZone(ENGLAND));
  }
}

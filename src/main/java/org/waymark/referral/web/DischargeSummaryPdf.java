package org.waymark.referral.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.waymark.referral.Referral;
import org.waymark.shared.NhsNumber;

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
  private static final float MARGIN = 56;
  private static final float BODY_SIZE = 11;
  private static final float LEADING = 15;

  private PDFont regular;
  private PDFont bold;

  private PDDocument document;
  private PDPageContentStream out;
  private float y;

  /**
   * @param serviceName the PCN that received the referral; may be null
   */
  static byte[] render(Referral r, String serviceName) {
    return new DischargeSummaryPdf().write(r, serviceName);
  }

  private byte[] write(Referral r, String serviceName) {
    try (PDDocument doc = new PDDocument()) {
      document = doc;
      regular = font(doc, "DejaVuSans.ttf");
      bold = font(doc, "DejaVuSans-Bold.ttf");
      String title = "Discharge summary " + r.reference();
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setSubject("Social prescribing discharge summary");
      info.setCreator("Waymark");
      doc.getDocumentCatalog().setLanguage("en-GB");
      PDViewerPreferences prefs = new PDViewerPreferences(doc.getDocumentCatalog().getCOSObject());
      prefs.setDisplayDocTitle(true);
      doc.getDocumentCatalog().setViewerPreferences(prefs);

      newPage();
      paragraph("Social prescribing discharge summary", bold, 18, 24);
      y -= 6;
      field("Reference", r.reference());
      field("Person", r.personName());
      field("NHS number", nhsNumber(r.personAsReferred().nhsNumber()));
      field(
          "Date of birth",
          r.personAsReferred().dateOfBirth() == null
              ? "Not given"
              : DATE.format(r.personAsReferred().dateOfBirth()));
      field("Referred on", date(r.receivedAt()));
      field("Discharged on", date(r.dischargedAt()));
      if (serviceName != null) {
        field("Service", serviceName);
      }
      if (r.referrer() != null && r.referrer().name() != null) {
        field(
            "Referred by",
            r.referrer().name()
                + (r.referrer().organisationName() == null
                    ? ""
                    : ", " + r.referrer().organisationName()));
      }
      y -= 10;
      paragraph("Summary", bold, 14, 20);
      String summary = r.dischargeSummary() == null ? "" : r.dischargeSummary();
      for (String line : summary.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
        paragraph(line, regular, BODY_SIZE, LEADING);
      }
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the discharge summary", e);
    }
  }

  private static PDFont font(PDDocument doc, String file) throws IOException {
    try (InputStream in = DischargeSummaryPdf.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IOException("The font " + file + " is missing from the application");
      }
      return PDType0Font.load(doc, in, true);
    }
  }

  private void field(String label, String value) throws IOException {
    paragraph(label + ": " + value, regular, BODY_SIZE, LEADING);
  }

  /** Writes text wrapped to the page width, starting a new page when this one is full. */
  private void paragraph(String text, PDFont font, float size, float leading) throws IOException {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    List<String> lines = wrap(printable(text, font), font, size, width);
    for (String line : lines) {
      if (y - leading < MARGIN) {
        out.close();
        newPage();
      }
      y -= leading;
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(MARGIN, y);
      out.showText(line);
      out.endText();
    }
  }

  private void newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    out = new PDPageContentStream(document, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  /**
   * Lines that fit the width, broken between words, and inside a word only if it alone is wider.
   */
  static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(rest, font, size) > width) {
        int fit = 1;
        while (fit < rest.length() && width(rest.substring(0, fit + 1), font, size) <= width) {
          fit++;
        }
        lines.add(rest.substring(0, fit));
        rest = rest.substring(fit);
      }
      line.append(rest);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static float width(String text, PDFont font, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /** The text with every character the font cannot show replaced: accents dropped, else "?". */
  static String printable(String text, PDFont font) {
    StringBuilder s = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              String c = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
              if (encodable(c, font)) {
                s.append(c);
                return;
              }
              String plain = Normalizer.normalize(c, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
              s.append(!plain.isEmpty() && encodable(plain, font) ? plain : "?");
            });
    return s.toString();
  }

  private static boolean encodable(String c, PDFont font) {
    try {
      font.encode(c);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
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

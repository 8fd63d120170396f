package org.waymark.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A plain A4 text document as a PDF: headings, paragraphs wrapped to the page and continued on
 * further pages, and bullet points. The text is set in DejaVu Sans, embedded (the used letters
 * only), so names in any Latin, Greek or Cyrillic script print as written; a character the font
 * lacks is printed as its closest plain letter, or as a question mark. The document carries its
 * title and language (en-GB) for screen readers.
 *
 * <p>Use: {@code TextPdf.create(title, subject)}, then {@link #heading}, {@link #paragraph}, {@link
 * #bullet}, then {@link #bytes}.
 */
public final class TextPdf implements AutoCloseable {

  private static final float MARGIN = 56;
  private static final float BODY_SIZE = 11;
  private static final float LEADING = 15;

  private final PDDocument document;
  private final PDFont regular;
  private final PDFont bold;
  private PDPageContentStream out;
  private float y;

  private TextPdf(String title, String subject) throws IOException {
    document = new PDDocument();
    regular = font(document, "DejaVuSans.ttf");
    bold = font(document, "DejaVuSans-Bold.ttf");
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setSubject(subject);
    info.setCreator("Waymark");
    document.getDocumentCatalog().setLanguage("en-GB");
    PDViewerPreferences prefs =
        new PDViewerPreferences(document.getDocumentCatalog().getCOSObject());
    prefs.setDisplayDocTitle(true);
    document.getDocumentCatalog().setViewerPreferences(prefs);
    newPage();
  }

  /** A new document with its title and subject (shown by PDF readers). */
  public static TextPdf create(String title, String subject) {
    try {
      return new TextPdf(title, subject);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a PDF", e);
    }
  }

  /** A heading: level 1 for the document's title, 2 for a section, 3 for a subsection. */
  public TextPdf heading(String text, int level) {
    float size = level <= 1 ? 18 : level == 2 ? 14 : 12;
    y -= level <= 1 ? 0 : 8;
    write(text, bold, size, size + 6, 0);
    return this;
  }

  /** A paragraph; line breaks in the text start new lines. */
  public TextPdf paragraph(String text) {
    String t = text == null ? "" : text;
    for (String line : t.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
      write(line, regular, BODY_SIZE, LEADING, 0);
    }
    return this;
  }

  /** A label and its value on one line, the label in bold type's place before a colon. */
  public TextPdf field(String label, String value) {
    return paragraph(label + ": " + value);
  }

  /** A bullet point. */
  public TextPdf bullet(String text) {
    write("\u2022 " + (text == null ? "" : text), regular, BODY_SIZE, LEADING, 12);
    return this;
  }

  /**
   * A picture (PNG or JPEG) no wider or taller than the given size in points, keeping its
   * proportions, starting a new page if it does not fit on this one.
   */
  public TextPdf image(byte[] bytes, String name, float maxSize) {
    try {
      org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject picture =
          org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject.createFromByteArray(
              document, bytes, name);
      float scale = Math.min(maxSize / picture.getWidth(), maxSize / picture.getHeight());
      float w = picture.getWidth() * Math.min(scale, 1f);
      float h = picture.getHeight() * Math.min(scale, 1f);
      if (y - h - 8 < MARGIN) {
        out.close();
        newPage();
      }
      y -= h + 8;
      out.drawImage(picture, MARGIN, y, w, h);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot add a picture to the PDF", e);
    }
  }

  /** Some space before what follows. */
  public TextPdf space() {
    y -= 8;
    return this;
  }

  /** The finished document. */
  public byte[] bytes() {
    try {
      out.close();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the PDF", e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String text, PDFont font, float size, float leading, float indent) {
    try {
      float width = PDRectangle.A4.getWidth() - 2 * MARGIN - indent;
      for (String line : wrap(printable(text, font), font, size, width)) {
        if (y - leading < MARGIN) {
          out.close();
          newPage();
        }
        y -= leading;
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(MARGIN + indent, y);
        out.showText(line);
        out.endText();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the PDF", e);
    }
  }

  private void newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    out = new PDPageContentStream(document, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private static PDFont font(PDDocument doc, String file) throws IOException {
    try (InputStream in = TextPdf.class.getResourceAsStream("/fonts/" + file)) {
      if (in == null) {
        throw new IOException("The font " + file + " is missing from the application");
      }
      return PDType0Font.load(doc, in, true);
    }
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

  /** The text with every character the font cannot show replaced: accents dropped, else '?'. */
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
}

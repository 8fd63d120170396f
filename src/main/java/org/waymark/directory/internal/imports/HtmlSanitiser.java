package org.waymark.directory.internal.imports;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes imported descriptions safe to show: paragraphs, line breaks, lists, strong and emphasis,
 * and links to http, https and mailto addresses survive; scripts, styles, event handlers, images
 * (including embedded base64 ones) and every other element are dropped, keeping their text.
 */
final class HtmlSanitiser {

  private static final Safelist SAFE =
      new Safelist()
          .addTags("p", "br", "ul", "ol", "li", "strong", "em", "a")
          .addAttributes("a", "href")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addEnforcedAttribute("a", "rel", "nofollow noopener");

  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  /** Looks like markup: a tag or an entity. Plain text is kept exactly as written. */
  private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!]|&[a-zA-Z#][a-zA-Z0-9]*;");

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private static final Pattern EMPTY_PARAGRAPH =
      Pattern.compile("<p>(\\s|&nbsp;|<br>)*</p>", Pattern.CASE_INSENSITIVE);

  private HtmlSanitiser() {}

  /** Safe markup for the text, or the text itself if it has none; null stays null. */
  static String sanitise(String html) {
    if (html == null || !MARKUP.matcher(html).find()) {
      return html == null ? null : html.strip();
    }
    Document dirty = Jsoup.parseBodyFragment(html);
    dirty.outputSettings().prettyPrint(false);
    // A link to anywhere but the web or an email address keeps its words and loses the link.
    for (Element a : dirty.body().select("a")) {
      if (!a.attr("href").strip().matches("(?i)(https?|mailto):.*")) {
        a.unwrap();
      }
    }
    // Headings and bold or italic text keep their emphasis under the few tags the safelist allows.
    for (Element e : dirty.body().select("h1, h2, h3, h4, h5, h6")) {
      e.tagName("strong");
      e.wrap("<p></p>");
    }
    dirty.body().select("b").tagName("strong");
    dirty.body().select("i").tagName("em");
    // Table cells and blocks would otherwise run their words together once unwrapped.
    dirty.body().select("td, th, div, section, article").after(" ");
    Document clean = new Cleaner(SAFE).clean(dirty);
    clean.outputSettings(COMPACT);
    return EMPTY_PARAGRAPH.matcher(clean.body().html()).replaceAll("").strip();
  }

  /**
   * The readable text of a sanitised description (or of plain text), for blank checks and need
   * rules. Only the few safe tags can be left, so stripping them is enough.
   */
  static String text(String safeHtml) {
    if (safeHtml == null) {
      return "";
    }
    if (!MARKUP.matcher(safeHtml).find()) {
      return safeHtml.strip();
    }
    String words = TAG.matcher(safeHtml).replaceAll(" ");
    return Parser.unescapeEntities(words, false)
        .replace('\u00a0', ' ')
        .replaceAll("\\s+", " ")
        .replaceAll(" ([.,;:!?])", "$1")
        .strip();
  }
}

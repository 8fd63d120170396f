package org.waymark.directory.internal.imports;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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

  private static final Pattern EMPTY_PARAGRAPH =
      Pattern.compile("<p>(\\s|&nbsp;|<br>)*</p>", Pattern.CASE_INSENSITIVE);

  private HtmlSanitiser() {}

  /** Safe markup for the text, or the text itself if it has none; null stays null. */
  static String sanitise(String html) {
    if (html == null || !MARKUP.matcher(html).find()) {
      return html == null ? null : html.strip();
    }
    Document dirty = Jsoup.parseBodyFragment(html);
    // Headings and bold or italic text keep their emphasis under the few tags the safelist allows.
    for (Element e : dirty.body().select("h1, h2, h3, h4, h5, h6")) {
      e.tagName("strong");
      e.wrap("<p></p>");
    }
    dirty.body().select("b").tagName("strong");
    dirty.body().select("i").tagName("em");
    // Table cells and blocks would otherwise run their words together once unwrapped.
    dirty.body().select("td, th, div, section, article").after(" ");
    String clean = Jsoup.clean(dirty.body().html(), "", SAFE, COMPACT);
    return EMPTY_PARAGRAPH.matcher(clean).replaceAll("").strip();
  }

  /** The readable text of a description (markup or not), for blank checks and need rules. */
  static String text(String html) {
    if (html == null) {
      return "";
    }
    if (!MARKUP.matcher(html).find()) {
      return html.strip();
    }
    return Jsoup.parseBodyFragment(html).text().replace('\u00a0', ' ').strip();
  }
}

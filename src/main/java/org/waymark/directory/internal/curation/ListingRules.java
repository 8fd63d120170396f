package org.waymark.directory.internal.curation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.waymark.directory.ListingDetails;
import org.waymark.directory.ListingValidationException.Problem;
import org.waymark.directory.ReferralMethod;

/**
 * The rules a listing's details follow, how they are tidied before saving, and how a description
 * typed as plain text becomes the escaped HTML paragraphs the ORUK model stores (and back).
 */
public final class ListingRules {

  /** The fields of {@link ListingDetails} in form order: the order problems and changes follow. */
  public static final List<String> FIELDS =
      List.of(
          "name",
          "description",
          "url",
          "email",
          "phones",
          "fees",
          "freeOfCharge",
          "minimumAge",
          "maximumAge",
          "acceptingReferrals",
          "referralMethod",
          "referralEmail",
          "referralFormUrl",
          "capacity",
          "answerDays");

  static final int MAX_PHONES = 5;
  private static final Pattern EMAIL =
      Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,25}$");
  private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R");

  private ListingRules() {}

  /** Trims every text, turns empty text into null, drops empty phone lines. */
  public static ListingDetails normalise(ListingDetails d) {
    List<String> phones = new ArrayList<>();
    for (String p : d.phones()) {
      String clean = clean(p);
      if (clean != null) {
        phones.add(clean.replaceAll("\\s+", " "));
      }
    }
    // Through HTML and back, so the text compares equal to what will be read back from storage.
    String description = d.description() == null ? null : toPlainText(toHtml(d.description()));
    return new ListingDetails(
        clean(d.name()) == null ? null : d.name().strip().replaceAll("\\s+", " "),
        description == null || description.isEmpty() ? null : description,
        clean(d.url()),
        clean(d.email()),
        phones,
        clean(d.fees()),
        d.freeOfCharge(),
        d.minimumAge(),
        d.maximumAge(),
        d.acceptingReferrals(),
        d.referralMethod(),
        clean(d.referralEmail()),
        clean(d.referralFormUrl()),
        d.capacity(),
        d.answerDays());
  }

  /** Every rule the (normalised) details break, in form order; empty if none. */
  public static List<Problem> problems(ListingDetails d) {
    List<Problem> problems = new ArrayList<>();
    if (d.name() == null) {
      problems.add(new Problem("name", "directory.curation.name.required"));
    } else if (d.name().length() > 200) {
      problems.add(new Problem("name", "directory.curation.name.tooLong"));
    }
    if (d.description() != null && d.description().length() > 5000) {
      problems.add(new Problem("description", "directory.curation.description.tooLong"));
    }
    if (d.url() != null && !isWebAddress(d.url())) {
      problems.add(new Problem("url", "directory.curation.url.invalid"));
    }
    if (d.email() != null && !isEmail(d.email())) {
      problems.add(new Problem("email", "directory.curation.email.invalid"));
    }
    if (d.phones().size() > MAX_PHONES) {
      problems.add(new Problem("phones", "directory.curation.phones.tooMany"));
    } else if (d.phones().stream().anyMatch(p -> !PHONE.matcher(p).matches())) {
      problems.add(new Problem("phones", "directory.curation.phones.invalid"));
    }
    if (d.fees() != null && d.fees().length() > 500) {
      problems.add(new Problem("fees", "directory.curation.fees.tooLong"));
    }
    if (d.minimumAge() != null && (d.minimumAge() < 0 || d.minimumAge() > 130)) {
      problems.add(new Problem("minimumAge", "directory.curation.minimumAge.range"));
    }
    if (d.maximumAge() != null && (d.maximumAge() < 0 || d.maximumAge() > 130)) {
      problems.add(new Problem("maximumAge", "directory.curation.maximumAge.range"));
    } else if (d.minimumAge() != null
        && d.maximumAge() != null
        && d.minimumAge() <= 130
        && d.minimumAge() > d.maximumAge()) {
      problems.add(new Problem("maximumAge", "directory.curation.maximumAge.belowMinimum"));
    }
    if (d.acceptingReferrals() == null) {
      problems.add(
          new Problem("acceptingReferrals", "directory.curation.acceptingReferrals.required"));
    }
    if (d.referralMethod() == null) {
      problems.add(new Problem("referralMethod", "directory.curation.referralMethod.required"));
    }
    if (d.referralEmail() == null) {
      if (d.referralMethod() == ReferralMethod.EMAIL) {
        problems.add(new Problem("referralEmail", "directory.curation.referralEmail.required"));
      }
    } else if (!isEmail(d.referralEmail())) {
      problems.add(new Problem("referralEmail", "directory.curation.referralEmail.invalid"));
    }
    if (d.referralFormUrl() == null) {
      if (d.referralMethod() == ReferralMethod.EXTERNAL_FORM) {
        problems.add(new Problem("referralFormUrl", "directory.curation.referralFormUrl.required"));
      }
    } else if (!isWebAddress(d.referralFormUrl())) {
      problems.add(new Problem("referralFormUrl", "directory.curation.referralFormUrl.invalid"));
    }
    if (d.capacity() != null && (d.capacity() < 0 || d.capacity() > 100_000)) {
      problems.add(new Problem("capacity", "directory.curation.capacity.range"));
    }
    if (d.answerDays() < 1 || d.answerDays() > 90) {
      problems.add(new Problem("answerDays", "directory.curation.answerDays.range"));
    }
    return problems;
  }

  /**
   * Plain text as HTML paragraphs: a blank line starts a paragraph, a single line break stays a
   * line break, and every character that means something in HTML is escaped, so nothing typed can
   * become markup.
   */
  public static String toHtml(String plainText) {
    if (plainText == null || plainText.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    for (String paragraph : BLANK_LINES.split(plainText.strip())) {
      String p = paragraph.strip();
      if (!p.isEmpty()) {
        html.append("<p>").append(escape(p).replaceAll("\\R", "<br>")).append("</p>");
      }
    }
    return html.toString();
  }

  /**
   * Stored HTML (ours, or an imported feed's) as plain text for editing: paragraphs and line breaks
   * become blank lines and line breaks, other tags are dropped and entities decoded.
   */
  public static String toPlainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    String text =
        html.replaceAll("(?i)<br\\s*/?>", "\n")
            .replaceAll("(?i)</(p|div|li|h[1-6])\\s*>", "\n\n")
            .replaceAll("(?i)<li[^>]*>", "- ")
            .replaceAll("<[^>]*>", "");
    text = unescape(text);
    text = text.replaceAll("[ \\t\\x0B\\f\\u00A0]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
    return text.strip();
  }

  /** The paragraphs of a stored description, as plain text, for showing with escaping. */
  public static List<String> paragraphs(String html) {
    String text = toPlainText(html);
    if (text.isEmpty()) {
      return List.of();
    }
    return List.of(BLANK_LINES.split(text));
  }

  /** Each field whose value differs, in form order, with its old and new value as text. */
  public static Map<String, List<String>> differences(ListingDetails before, ListingDetails after) {
    Map<String, String> old = values(before);
    Map<String, String> now = values(after);
    Map<String, List<String>> changes = new LinkedHashMap<>();
    for (String field : FIELDS) {
      if (!Objects.equals(old.get(field), now.get(field))) {
        changes.put(field, pair(old.get(field), now.get(field)));
      }
    }
    return changes;
  }

  /** Every field with a value, as a change from nothing: the history's entry for a new listing. */
  public static Map<String, List<String>> asCreated(ListingDetails details) {
    Map<String, List<String>> changes = new LinkedHashMap<>();
    values(details)
        .forEach(
            (field, value) -> {
              if (value != null) {
                changes.put(field, pair(null, value));
              }
            });
    return changes;
  }

  /** A list of two values where either may be null (List.of refuses nulls). */
  public static List<String> pair(String old, String now) {
    List<String> pair = new ArrayList<>(2);
    pair.add(old);
    pair.add(now);
    return pair;
  }

  /** The fields as text, in form order; null where not recorded. */
  static Map<String, String> values(ListingDetails d) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", d.name());
    v.put(
        "description",
        d.description() == null || d.description().isBlank() ? null : d.description());
    v.put("url", d.url());
    v.put("email", d.email());
    v.put("phones", d.phones().isEmpty() ? null : String.join(", ", d.phones()));
    v.put("fees", d.fees());
    v.put("freeOfCharge", text(d.freeOfCharge()));
    v.put("minimumAge", text(d.minimumAge()));
    v.put("maximumAge", text(d.maximumAge()));
    v.put("acceptingReferrals", text(d.acceptingReferrals()));
    v.put("referralMethod", text(d.referralMethod()));
    v.put("referralEmail", d.referralEmail());
    v.put("referralFormUrl", d.referralFormUrl());
    v.put("capacity", text(d.capacity()));
    v.put("answerDays", Integer.toString(d.answerDays()));
    return v;
  }

  private static String text(Object o) {
    return o == null ? null : o instanceof Enum<?> e ? e.name() : o.toString();
  }

  static boolean isEmail(String s) {
    return s.length() <= 254 && EMAIL.matcher(s).matches();
  }

  /** An absolute http or https address with a host: what a link worker can open. */
  static boolean isWebAddress(String s) {
    if (s.length() > 1000) {
      return false;
    }
    try {
      URI uri = new URI(s);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null
          && uri.getHost().contains(".");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Decodes the named entities feeds use and every numeric one. */
  static String unescape(String s) {
    if (s.indexOf('&') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    java.util.regex.Matcher m =
        Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").matcher(s);
    while (m.find()) {
      String entity = m.group(1);
      String replacement;
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        replacement = codePoint(entity.substring(2), 16);
      } else if (entity.startsWith("#")) {
        replacement = codePoint(entity.substring(1), 10);
      } else {
        replacement =
            switch (entity) {
              case "amp" -> "&";
              case "lt" -> "<";
              case "gt" -> ">";
              case "quot" -> "\"";
              case "apos" -> "'";
              case "nbsp" -> " ";
              case "pound" -> "£";
              case "ndash" -> "–";
              case "mdash" -> "—";
              case "rsquo", "lsquo" -> "'";
              case "rdquo", "ldquo" -> "\"";
              default -> m.group();
            };
      }
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(String digits, int radix) {
    try {
      int cp = Integer.parseInt(digits, radix);
      return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
    } catch (NumberFormatException e) {
      return "";
    }
  }
}

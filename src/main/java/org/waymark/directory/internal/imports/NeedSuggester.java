package org.waymark.directory.internal.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.waymark.directory.internal.imports.ImportModel.Service;
import org.waymark.shared.NeedDomain;

/**
 * Suggests the need domains a service meets from its taxonomy terms, name and description, each
 * with the reason a curator reads ("description mentions 'befriending'"). Suggestions are only
 * suggestions: a curator confirms or changes them, and a confirmed need is never touched here.
 */
@Component
class NeedSuggester {

  /**
   * Words per need domain. A word ending in {@code *} matches as a prefix ("befriend*" finds
   * "befriending"); others match as whole words, plurals included.
   */
  static final Map<NeedDomain, List<String>> KEYWORDS = new EnumMap<>(NeedDomain.class);

  static {
    KEYWORDS.put(
        NeedDomain.LONELINESS,
        List.of(
            "befriend*",
            "loneliness",
            "lonely",
            "isolation",
            "isolated",
            "social group",
            "coffee morning",
            "lunch club",
            "friendship",
            "companionship",
            "social club",
            "meet new people"));
    KEYWORDS.put(
        NeedDomain.MONEY,
        List.of(
            "debt",
            "benefits",
            "money",
            "financial",
            "finance",
            "budgeting",
            "universal credit",
            "welfare rights",
            "citizens advice",
            "fuel poverty",
            "cost of living",
            "grant"));
    KEYWORDS.put(
        NeedDomain.HOUSING,
        List.of(
            "housing",
            "homeless*",
            "tenant*",
            "tenancy",
            "landlord",
            "rough sleep*",
            "accommodation",
            "eviction",
            "home repairs"));
    KEYWORDS.put(
        NeedDomain.MENTAL_WELLBEING,
        List.of(
            "mental health",
            "mental wellbeing",
            "wellbeing",
            "anxiety",
            "depression",
            "counselling",
            "stress",
            "talking therap*",
            "emotional support",
            "low mood"));
    KEYWORDS.put(
        NeedDomain.PHYSICAL_ACTIVITY,
        List.of(
            "walk",
            "walking",
            "exercise",
            "sport",
            "fitness",
            "physical activity",
            "swimming",
            "dance",
            "dancing",
            "yoga",
            "tai chi",
            "football",
            "cycling",
            "keep fit",
            "gym"));
    KEYWORDS.put(
        NeedDomain.FOOD,
        List.of(
            "food bank",
            "foodbank",
            "food",
            "cooking",
            "nutrition",
            "healthy eating",
            "meal",
            "community meals",
            "pantry",
            "community cafe"));
    KEYWORDS.put(
        NeedDomain.LONG_TERM_CONDITION,
        List.of(
            "long term condition*",
            "long-term condition*",
            "diabetes",
            "dementia",
            "chronic",
            "arthritis",
            "copd",
            "stroke",
            "cancer",
            "parkinson*",
            "heart condition*",
            "long term health condition*",
            "chronically ill",
            "pain management"));
    KEYWORDS.put(
        NeedDomain.CARER_SUPPORT, List.of("carer", "carers", "caring for", "young carer*"));
    KEYWORDS.put(
        NeedDomain.EMPLOYMENT,
        List.of(
            "employment",
            "job",
            "jobs",
            "volunteer*",
            "training",
            "skills",
            "course",
            "courses",
            "education",
            "career*",
            "apprentice*",
            "adult learning",
            "learning"));
    KEYWORDS.put(
        NeedDomain.BEREAVEMENT, List.of("bereave*", "grief", "grieving", "loss of a loved one"));
    KEYWORDS.put(
        NeedDomain.TRANSPORT,
        List.of(
            "transport",
            "community transport",
            "dial-a-ride",
            "travel",
            "bus pass",
            "driving",
            "community car*",
            "getting about",
            "wheelchair access*"));
    KEYWORDS.put(
        NeedDomain.DIGITAL_INCLUSION,
        List.of(
            "digital",
            "computer*",
            "internet",
            "online skills",
            "tablet",
            "smartphone",
            "it skills",
            "get online",
            "wifi"));
    KEYWORDS.put(
        NeedDomain.LEGAL_ADVICE,
        List.of("legal", "solicitor*", "law", "immigration advice", "tribunal", "legal aid"));
    KEYWORDS.put(
        NeedDomain.SUBSTANCE_USE,
        List.of(
            "alcohol",
            "drug",
            "drugs",
            "substance*",
            "addiction*",
            "gambling",
            "smoking",
            "stop smoking",
            "recovery community"));
    KEYWORDS.put(
        NeedDomain.SAFETY,
        List.of(
            "domestic abuse",
            "domestic violence",
            "safeguarding",
            "abuse",
            "refuge",
            "exploitation",
            "sexual violence",
            "stalking"));
  }

  private final JdbcClient jdbc;

  NeedSuggester(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** A keyword as words, the last of which may be a prefix. */
  private record Keyword(String[] parts, boolean prefix) {
    static Keyword of(String keyword) {
      boolean prefix = keyword.endsWith("*");
      return new Keyword(
          words(prefix ? keyword.substring(0, keyword.length() - 1) : keyword), prefix);
    }
  }

  private static final Map<NeedDomain, List<Keyword>> PARSED = new EnumMap<>(NeedDomain.class);

  static {
    KEYWORDS.forEach((need, list) -> PARSED.put(need, list.stream().map(Keyword::of).toList()));
  }

  /**
   * The suggested needs with their reasons, in the order of {@link NeedDomain}: a taxonomy term is
   * the strongest evidence, then the name, then the description.
   */
  static Map<NeedDomain, String> suggestions(
      String name, String description, Collection<String> terms) {
    Map<NeedDomain, String> found = new LinkedHashMap<>();
    List<String> termList = List.copyOf(terms);
    List<Words> termWords = termList.stream().map(Words::of).toList();
    Words nameWords = Words.of(name);
    Words descriptionWords = Words.of(HtmlSanitiser.text(description));
    for (Map.Entry<NeedDomain, List<Keyword>> e : PARSED.entrySet()) {
      String reason = null;
      for (int i = 0; i < termWords.size() && reason == null; i++) {
        if (termWords.get(i).first(e.getValue()) != null) {
          reason = "taxonomy term '" + termList.get(i) + "'";
        }
      }
      if (reason == null) {
        String m = nameWords.first(e.getValue());
        reason = m == null ? null : "name mentions '" + m + "'";
      }
      if (reason == null) {
        String m = descriptionWords.first(e.getValue());
        reason = m == null ? null : "description mentions '" + m + "'";
      }
      if (reason != null) {
        found.put(e.getKey(), reason);
      }
    }
    return found;
  }

  /** The text's words in lower case, split at anything but letters and digits. */
  static String[] words(String text) {
    if (text == null || text.isBlank()) {
      return new String[0];
    }
    return Arrays.stream(NOT_A_LETTER.split(text.toLowerCase(Locale.UK)))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }

  /** A text's words, indexed by where each occurs, so that long descriptions are searched fast. */
  private record Words(String[] words, Map<String, List<Integer>> at) {

    static Words of(String text) {
      String[] words = NeedSuggester.words(text);
      Map<String, List<Integer>> at = new HashMap<>();
      for (int i = 0; i < words.length; i++) {
        at.computeIfAbsent(words[i], w -> new ArrayList<>()).add(i);
      }
      return new Words(words, at);
    }

    /** The earliest mention of any keyword, as written in the text; null if none is there. */
    String first(List<Keyword> keywords) {
      int best = Integer.MAX_VALUE;
      int length = 0;
      for (Keyword k : keywords) {
        for (int start : starts(k.parts()[0], k.parts().length == 1 && k.prefix())) {
          if (start < best && follows(k, start)) {
            best = start;
            length = k.parts().length;
          }
        }
      }
      return best == Integer.MAX_VALUE
          ? null
          : String.join(" ", Arrays.copyOfRange(words, best, best + length));
    }

    /** Where a first word may start a match: the word, its plurals, or words it begins. */
    private List<Integer> starts(String first, boolean prefix) {
      List<Integer> starts = new ArrayList<>();
      if (prefix) {
        at.forEach(
            (w, positions) -> {
              if (w.startsWith(first)) {
                starts.addAll(positions);
              }
            });
      } else {
        for (String w : List.of(first, first + "s", first + "es")) {
          starts.addAll(at.getOrDefault(w, List.of()));
        }
      }
      return starts;
    }

    private boolean follows(Keyword k, int start) {
      String[] parts = k.parts();
      if (start + parts.length > words.length) {
        return false;
      }
      for (int j = 0; j < parts.length; j++) {
        String w = words[start + j];
        boolean last = j == parts.length - 1;
        boolean ok =
            last
                ? (k.prefix()
                    ? w.startsWith(parts[j])
                    : w.equals(parts[j]) || w.equals(parts[j] + "s") || w.equals(parts[j] + "es"))
                : w.equals(parts[j]);
        if (!ok) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Writes the service's suggestions: new ones are added, the reasons of existing suggestions are
   * refreshed, and suggestions the text no longer supports are withdrawn. Confirmed needs stay as
   * the curator left them.
   */
  void suggest(
      UUID holder, UUID serviceId, Service s, Collection<String> termNames, boolean created) {
    Map<NeedDomain, String> found = suggestions(s.name(), s.description(), termNames);
    String[] needs = found.keySet().stream().map(Enum::name).toArray(String[]::new);
    if (!created) {
      jdbc.sql(
              """
              DELETE FROM directory_service_need
              WHERE organisation_id = :holder AND service_id = :service AND status = 'SUGGESTED'
                AND NOT (need = ANY (CAST(:needs AS text[])))
              """)
          .param("holder", holder)
          .param("service", serviceId)
          .param("needs", needs)
          .update();
    }
    if (needs.length == 0) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO directory_service_need AS n (organisation_id, service_id, need, status,
              reason)
            SELECT :holder, :service, x.need, 'SUGGESTED', x.reason
            FROM unnest(CAST(:needs AS text[]), CAST(:reasons AS text[])) AS x (need, reason)
            ON CONFLICT (organisation_id, service_id, need) DO UPDATE SET reason = EXCLUDED.reason
            WHERE n.status = 'SUGGESTED' AND n.reason IS DISTINCT FROM EXCLUDED.reason
            """)
        .param("holder", holder)
        .param("service", serviceId)
        .param("needs", needs)
        .param("reasons", found.values().toArray(String[]::new))
        .update();
  }
}

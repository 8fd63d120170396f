package org.waymark.directory.internal.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
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

  private static final Map<NeedDomain, Pattern> PATTERNS = new EnumMap<>(NeedDomain.class);

  static {
    KEYWORDS.forEach(
        (need, words) -> {
          List<String> parts = new ArrayList<>();
          for (String w : words) {
            String stem = w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
            String quoted = Pattern.quote(stem).replace(" ", "\\E[\\s-]+\\Q");
            parts.add(w.endsWith("*") ? quoted + "[\\p{L}-]*" : quoted + "(?:s|es)?(?![\\p{L}])");
          }
          PATTERNS.put(
              need,
              Pattern.compile(
                  "(?<![\\p{L}])(?:" + String.join("|", parts) + ")",
                  Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        });
  }

  private final JdbcClient jdbc;

  NeedSuggester(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The suggested needs with their reasons, in the order of {@link NeedDomain}: a taxonomy term is
   * the strongest evidence, then the name, then the description.
   */
  static Map<NeedDomain, String> suggestions(
      String name, String description, Collection<String> terms) {
    Map<NeedDomain, String> found = new LinkedHashMap<>();
    String text = HtmlSanitiser.text(description);
    for (Map.Entry<NeedDomain, Pattern> e : PATTERNS.entrySet()) {
      String reason = null;
      for (String term : terms) {
        Matcher m = e.getValue().matcher(term);
        if (m.find()) {
          reason = "taxonomy term '" + term + "'";
          break;
        }
      }
      if (reason == null) {
        reason = mention("name", name, e.getValue());
      }
      if (reason == null) {
        reason = mention("description", text, e.getValue());
      }
      if (reason != null) {
        found.put(e.getKey(), reason);
      }
    }
    return found;
  }

  private static String mention(String where, String text, Pattern pattern) {
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    return m.find() ? where + " mentions '" + m.group().toLowerCase(Locale.UK) + "'" : null;
  }

  /**
   * Writes the service's suggestions: new ones are added, the reasons of existing suggestions are
   * refreshed, and suggestions the text no longer supports are withdrawn. Confirmed needs stay as
   * the curator left them.
   */
  void suggest(UUID holder, UUID serviceId, Service s, Collection<String> termNames) {
    Map<NeedDomain, String> found = suggestions(s.name(), s.description(), termNames);
    jdbc.sql(
            """
            DELETE FROM directory_service_need
            WHERE organisation_id = :holder AND service_id = :service AND status = 'SUGGESTED'
              AND NOT (need = ANY (CAST(:needs AS text[])))
            """)
        .param("holder", holder)
        .param("service", serviceId)
        .param("needs", found.keySet().stream().map(Enum::name).toArray(String[]::new))
        .update();
    for (Map.Entry<NeedDomain, String> e : found.entrySet()) {
      jdbc.sql(
              """
              INSERT INTO directory_service_need AS n (organisation_id, service_id, need, status,
                reason)
              VALUES (:holder, :service, :need, 'SUGGESTED', :reason)
              ON CONFLICT (organisation_id, service_id, need) DO UPDATE SET reason = EXCLUDED.reason
              WHERE n.status = 'SUGGESTED' AND n.reason IS DISTINCT FROM EXCLUDED.reason
              """)
          .param("holder", holder)
          .param("service", serviceId)
          .param("need", e.getKey().name())
          .param("reason", e.getValue())
          .update();
    }
  }
}

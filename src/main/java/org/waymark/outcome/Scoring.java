package org.waymark.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of instruments and their scoring, without state: whether a definition is sound, whether
 * answers fit it, and the scores answers give. Answers are kept as given (item id to the stored
 * value; a multiple choice as values separated by '|'), so every score can be worked out again from
 * them at any time.
 */
public final class Scoring {

  private Scoring() {}

  /** What is wrong with a definition; empty if it can be published. */
  public static List<String> problems(Instrument instrument) {
    List<String> problems = new ArrayList<>();
    if (blank(instrument.code()) || !instrument.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
      problems.add("The code must be 2 to 40 capital letters, digits or underscores");
    }
    if (instrument.version() < 1) {
      problems.add("The version must be 1 or more");
    }
    if (blank(instrument.title())) {
      problems.add("The instrument needs a title");
    }
    if (instrument.items().isEmpty()) {
      problems.add("The instrument needs at least one item");
    }
    Set<String> ids = new HashSet<>();
    for (InstrumentItem item : instrument.items()) {
      if (blank(item.id()) || !ids.add(item.id())) {
        problems.add("Item ids must be present and unique: '" + item.id() + "'");
      }
      if (blank(item.text())) {
        problems.add("Item '" + item.id() + "' needs its question");
      }
      if (item.type() == null) {
        problems.add("Item '" + item.id() + "' needs a type");
        continue;
      }
      switch (item.type()) {
        case SCALE -> {
          if (item.min() == null || item.max() == null || item.min() >= item.max()) {
            problems.add("Scale item '" + item.id() + "' needs a minimum below its maximum");
          }
        }
        case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
          Set<String> values = new HashSet<>();
          if (item.options().size() < 2) {
            problems.add("Choice item '" + item.id() + "' needs at least two options");
          }
          for (AnswerOption o : item.options()) {
            if (blank(o.value()) || blank(o.label()) || !values.add(o.value())) {
              problems.add("Options of '" + item.id() + "' need a unique value and a label");
            }
            if (o.value() != null && o.value().contains("|")) {
              problems.add("Option values of '" + item.id() + "' cannot contain '|'");
            }
          }
        }
        case NUMBER -> {
          if (item.min() != null && item.max() != null && item.min() > item.max()) {
            problems.add("Number item '" + item.id() + "' has its minimum above its maximum");
          }
        }
        case DATE, FREE_TEXT -> {}
      }
    }
    Map<String, ScoreRule> scores = new LinkedHashMap<>();
    for (ScoreRule rule : instrument.scores()) {
      if (blank(rule.code()) || scores.containsKey(rule.code())) {
        problems.add("Score codes must be present and unique: '" + rule.code() + "'");
        continue;
      }
      if (rule.method() == null) {
        problems.add("Score '" + rule.code() + "' needs a method");
        continue;
      }
      switch (rule.method()) {
        case ITEM, SUM -> {
          if (rule.items().isEmpty()
              || (rule.method() == ScoreMethod.ITEM && rule.items().size() != 1)) {
            problems.add("Score '" + rule.code() + "' names the wrong number of items");
          }
          for (String id : rule.items()) {
            boolean numeric =
                instrument
                    .item(id)
                    .filter(
                        i ->
                            i.type() == ItemType.SCALE
                                || i.type() == ItemType.NUMBER
                                || (i.type() == ItemType.SINGLE_CHOICE && numericOptions(i)))
                    .isPresent();
            if (!numeric) {
              problems.add("Score '" + rule.code() + "' needs item '" + id + "' to be a number");
            }
          }
        }
        case LOOKUP -> {
          ScoreRule from = scores.get(rule.from());
          if (from == null) {
            problems.add("Score '" + rule.code() + "' converts a score defined before it");
          } else {
            Range range = range(instrument, from);
            if (range == null) {
              problems.add("Score '" + rule.code() + "' converts a score without known limits");
            } else {
              for (int v = range.min(); v <= range.max(); v++) {
                if (!rule.table().containsKey(v)) {
                  problems.add("Score '" + rule.code() + "' has no value for " + v);
                }
              }
            }
          }
        }
      }
      for (int i = 1; i < rule.bands().size(); i++) {
        if (rule.bands().get(i).min().compareTo(rule.bands().get(i - 1).max()) <= 0) {
          problems.add("The bands of '" + rule.code() + "' overlap or are out of order");
        }
      }
      scores.put(rule.code(), rule);
    }
    return problems;
  }

  /**
   * What is wrong with answers to an instrument; empty if they fit (missing optional items fit).
   */
  public static List<String> problems(Instrument instrument, Map<String, String> answers) {
    List<String> problems = new ArrayList<>();
    for (String id : answers.keySet()) {
      if (instrument.item(id).isEmpty()) {
        problems.add("This questionnaire has no question '" + id + "'");
      }
    }
    for (InstrumentItem item : instrument.items()) {
      String value = answers.get(item.id());
      if (blank(value)) {
        continue;
      }
      boolean fits =
          switch (item.type()) {
            case SCALE, NUMBER -> {
              BigDecimal n = number(value);
              yield n != null
                  && (item.type() == ItemType.NUMBER || n.stripTrailingZeros().scale() <= 0)
                  && (item.min() == null || n.compareTo(BigDecimal.valueOf(item.min())) >= 0)
                  && (item.max() == null || n.compareTo(BigDecimal.valueOf(item.max())) <= 0);
            }
            case SINGLE_CHOICE -> item.options().stream().anyMatch(o -> o.value().equals(value));
            case MULTIPLE_CHOICE ->
                List.of(value.split("\\|")).stream()
                    .allMatch(v -> item.options().stream().anyMatch(o -> o.value().equals(v)));
            case DATE -> date(value);
            case FREE_TEXT -> value.length() <= 4000;
          };
      if (!fits) {
        problems.add(wrongAnswer(item));
      }
    }
    return problems;
  }

  /** What to say about an answer its item does not allow. */
  private static String wrongAnswer(InstrumentItem item) {
    return switch (item.type()) {
      case NUMBER -> {
        String range =
            item.min() != null && item.max() != null
                ? " from " + item.min() + " to " + item.max()
                : item.min() != null
                    ? " of " + item.min() + " or more"
                    : item.max() != null ? " of " + item.max() + " or less" : "";
        yield "Enter a number" + range + ": " + item.text();
      }
      case DATE -> "Enter a real date, for example 15 3 2024: " + item.text();
      case FREE_TEXT -> "Keep the answer to 4,000 characters or fewer: " + item.text();
      default -> "Choose one of the answers offered: " + item.text();
    };
  }

  /** The items that must be answered and are not. */
  public static List<String> unanswered(Instrument instrument, Map<String, String> answers) {
    return instrument.items().stream()
        .filter(i -> i.required() && blank(answers.get(i.id())))
        .map(InstrumentItem::id)
        .toList();
  }

  /**
   * Every score of the instrument for these answers, in the order defined; a score whose items are
   * not all answered has no value.
   *
   * @throws InstrumentValidationException if an answer does not fit its item
   */
  public static List<Score> score(Instrument instrument, Map<String, String> answers) {
    List<String> wrong = problems(instrument, answers);
    if (!wrong.isEmpty()) {
      throw new InstrumentValidationException(wrong);
    }
    Map<String, BigDecimal> values = new HashMap<>();
    List<Score> scores = new ArrayList<>();
    for (ScoreRule rule : instrument.scores()) {
      BigDecimal value =
          switch (rule.method()) {
            case ITEM -> number(answers.get(rule.items().get(0)));
            case SUM -> {
              BigDecimal sum = BigDecimal.ZERO;
              for (String id : rule.items()) {
                BigDecimal n = number(answers.get(id));
                if (n == null) {
                  sum = null;
                  break;
                }
                sum = sum.add(n);
              }
              yield sum;
            }
            case LOOKUP -> {
              BigDecimal from = values.get(rule.from());
              yield from == null ? null : rule.table().get(from.intValueExact());
            }
          };
      values.put(rule.code(), value);
      String band =
          value == null
              ? null
              : rule.bands().stream()
                  .filter(b -> b.contains(value))
                  .map(Band::label)
                  .findFirst()
                  .orElse(null);
      scores.add(new Score(rule.code(), rule.label(), value, band));
    }
    return scores;
  }

  /** The lowest and highest value a score can take. */
  public record Limits(BigDecimal min, BigDecimal max) {}

  /** The limits of a score, for drawing it; empty if it is not bounded. */
  public static Optional<Limits> limits(Instrument instrument, ScoreRule rule) {
    if (rule.method() == ScoreMethod.LOOKUP) {
      return rule.table().values().stream()
          .min(BigDecimal::compareTo)
          .map(
              min ->
                  new Limits(
                      min,
                      rule.table().values().stream().max(BigDecimal::compareTo).orElseThrow()));
    }
    Range r = range(instrument, rule);
    return r == null
        ? Optional.empty()
        : Optional.of(new Limits(BigDecimal.valueOf(r.min()), BigDecimal.valueOf(r.max())));
  }

  private record Range(int min, int max) {}

  /** The lowest and highest value a score can take, or null if not bounded by whole numbers. */
  private static Range range(Instrument instrument, ScoreRule rule) {
    if (rule.method() == ScoreMethod.LOOKUP) {
      return null;
    }
    int min = 0;
    int max = 0;
    for (String id : rule.items()) {
      InstrumentItem item = instrument.item(id).orElse(null);
      if (item == null) {
        return null;
      }
      if (item.type() == ItemType.SINGLE_CHOICE && numericOptions(item)) {
        min += item.options().stream().mapToInt(o -> Integer.parseInt(o.value())).min().orElse(0);
        max += item.options().stream().mapToInt(o -> Integer.parseInt(o.value())).max().orElse(0);
      } else if (item.min() != null && item.max() != null && item.type() == ItemType.SCALE) {
        min += item.min();
        max += item.max();
      } else {
        return null;
      }
    }
    return new Range(min, max);
  }

  private static boolean numericOptions(InstrumentItem item) {
    return !item.options().isEmpty()
        && item.options().stream().allMatch(o -> o.value() != null && o.value().matches("-?\\d+"));
  }

  private static BigDecimal number(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean date(String value) {
    try {
      LocalDate.parse(value.strip());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}

package org.waymark.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One dashboard page as shown: its figures, what it covers, the choices its filters offer and how
 * fresh its figures are.
 *
 * @param scopeName the organisation or organisations covered, in words
 * @param freshAsOf when the oldest of the covered tenants' summaries was rebuilt; null if never
 * @param pending whether changes have been made since that are not in the figures yet
 * @param threshold the suppression threshold, when small numbers are hidden; 0 otherwise
 */
public record Dashboard(
    Audience audience,
    Section section,
    String scopeName,
    ReportFilters filters,
    List<Figure> figures,
    Instant freshAsOf,
    boolean pending,
    int threshold,
    Options options) {

  /** A choice in a filter. */
  public record Choice(String value, String label) {

    public static Choice of(UUID id, String label) {
      return new Choice(id.toString(), label);
    }
  }

  /** The choices each filter offers; an empty list hides the filter. */
  public record Options(
      List<Choice> pcns,
      List<Choice> practices,
      List<Choice> linkWorkers,
      List<Choice> needs,
      List<Choice> services) {}

  /** When the figures were worked out, in words (UK time), or null if never. */
  public String freshAsOfText() {
    return freshAsOf == null
        ? null
        : java.time.format.DateTimeFormatter.ofPattern(
                "HH:mm 'on' d MMMM yyyy", java.util.Locale.UK)
            .withZone(java.time.ZoneId.of("Europe/London"))
            .format(freshAsOf);
  }

  /** The figure with this key, if the page has it. */
  public java.util.Optional<Figure> figure(String key) {
    return figures.stream().filter(f -> f.key().equals(key)).findFirst();
  }
}

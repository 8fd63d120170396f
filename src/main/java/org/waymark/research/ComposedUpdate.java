package org.waymark.research;

import java.util.List;

/**
 * A study update composed from the study's records and the team's words: a title and its sections
 * in order, each a heading, paragraphs and bullet points. Figures about people are given with small
 * numbers suppressed, as the update is for the public.
 */
public record ComposedUpdate(String title, String period, List<Section> sections) {

  public ComposedUpdate {
    sections = List.copyOf(sections);
  }

  /** One section of the update. */
  public record Section(String heading, List<String> paragraphs, List<String> bullets) {

    public Section {
      paragraphs = List.copyOf(paragraphs);
      bullets = List.copyOf(bullets);
    }
  }
}

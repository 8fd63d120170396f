package org.waymark.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphsTests {

  @Test
  void blankLinesSeparateParagraphsAndSingleLineBreaksStayWithinOne() {
    // Browsers send a textarea's line breaks as CR LF.
    assertThat(Paragraphs.of("Person: Zoë\r\nReference: WM-1\r\n\r\nNeeds\r\n- Housing\r\n"))
        .containsExactly(List.of("Person: Zoë", "Reference: WM-1"), List.of("Needs", "- Housing"));
    assertThat(Paragraphs.of("One\n  \nTwo")).containsExactly(List.of("One"), List.of("Two"));
  }

  @Test
  void nothingToShowForBlankText() {
    assertThat(Paragraphs.of(null)).isEmpty();
    assertThat(Paragraphs.of(" \r\n ")).isEmpty();
  }
}

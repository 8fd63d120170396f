package org.waymark.casework;

import java.util.List;

/**
 * The notes of a case that the signed-in user may see, newest first, and how many sensitive notes
 * are kept from them (their content is not given).
 */
public record CaseNotes(List<Note> visible, int hiddenSensitive) {

  public CaseNotes {
    visible = List.copyOf(visible);
  }
}

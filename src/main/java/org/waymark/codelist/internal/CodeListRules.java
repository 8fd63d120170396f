package org.waymark.codelist.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.waymark.codelist.CodeListValidationException.Problem;

/** The rules a code list entry must meet, checked all at once so a form can show every problem. */
public final class CodeListRules {

  /** As the table's check: a letter first, then letters, digits or underscores, 40 at most. */
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  /** A SNOMED CT concept id: 6 to 18 digits, no leading zero. */
  private static final Pattern SNOMED = Pattern.compile("[1-9][0-9]{5,17}");

  public static final int MAX_LABEL = 120;
  public static final int MAX_POSITION = 9999;

  private CodeListRules() {}

  /** Blank text as null, surrounding spaces removed. */
  public static String clean(String s) {
    if (s == null) {
      return null;
    }
    String stripped = s.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** A SNOMED CT id as typed, spaces removed; null if blank. */
  public static String cleanSnomed(String s) {
    String c = clean(s);
    return c == null ? null : c.replaceAll("\\s+", "");
  }

  /** Problems with a new code (already cleaned). */
  public static List<Problem> codeProblems(String code) {
    List<Problem> problems = new ArrayList<>();
    if (code == null) {
      problems.add(new Problem("code", "codelist.code.required"));
    } else if (!CODE.matcher(code).matches()) {
      problems.add(new Problem("code", "codelist.code.invalid"));
    }
    return problems;
  }

  /** Problems with the fields that can change (already cleaned). */
  public static List<Problem> entryProblems(String label, String snomedCode, Integer position) {
    List<Problem> problems = new ArrayList<>();
    if (label == null) {
      problems.add(new Problem("label", "codelist.label.required"));
    } else if (label.length() > MAX_LABEL) {
      problems.add(new Problem("label", "codelist.label.tooLong"));
    }
    if (snomedCode != null) {
      if (!SNOMED.matcher(snomedCode).matches()) {
        problems.add(new Problem("snomedCode", "codelist.snomedCode.format"));
      } else if (!Verhoeff.isValid(snomedCode)) {
        problems.add(new Problem("snomedCode", "codelist.snomedCode.checkDigit"));
      }
    }
    if (position == null) {
      problems.add(new Problem("position", "codelist.position.required"));
    } else if (position < 0 || position > MAX_POSITION) {
      problems.add(new Problem("position", "codelist.position.range"));
    }
    return problems;
  }
}

package org.waymark.research.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of one export: its columns, described for the data dictionary, and its rows.
 *
 * @param form the REDCap form the variables belong to, for example participants
 * @param sheet the name of the data sheet in a workbook
 * @param rows each row's values in the order of the variables; empty string for no value
 */
public record DataTable(
    String form, String sheet, List<Variable> variables, List<List<String>> rows) {

  public DataTable {
    variables = List.copyOf(variables);
    rows = rows.stream().map(List::copyOf).toList();
    Set<String> names = new HashSet<>();
    for (Variable v : variables) {
      if (!names.add(v.name())) {
        throw new IllegalArgumentException("Variable named twice: " + v.name());
      }
    }
    for (List<String> row : rows) {
      if (row.size() != variables.size()) {
        throw new IllegalArgumentException("A row must have a value for each variable");
      }
    }
  }

  /** The variables' names, for the header row. */
  public List<String> header() {
    return variables.stream().map(Variable::name).toList();
  }
}

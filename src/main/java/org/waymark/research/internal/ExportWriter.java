package org.waymark.research.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.waymark.shared.Spreadsheets;

/**
 * Writes exports: CSV by RFC 4180 in UTF-8 with a header row, guarded against spreadsheet formula
 * injection; XLSX workbooks with the data on the first sheet and the data dictionary on a second;
 * and data dictionaries in REDCap's data dictionary format.
 */
public final class ExportWriter {

  /** The columns of a REDCap data dictionary, in REDCap's order and words. */
  public static final List<String> REDCAP_HEADER =
      List.of(
          "Variable / Field Name",
          "Form Name",
          "Section Header",
          "Field Type",
          "Field Label",
          "Choices, Calculations, OR Slider Labels",
          "Field Note",
          "Text Validation Type OR Show Slider Number",
          "Text Validation Min",
          "Text Validation Max",
          "Identifier?",
          "Branching Logic (Show field only if...)",
          "Required Field?",
          "Custom Alignment",
          "Question Number (surveys only)",
          "Matrix Group Name",
          "Matrix Ranking?",
          "Field Annotation");

  /** The name of a workbook's second sheet. */
  public static final String DICTIONARY_SHEET = "Data dictionary";

  private ExportWriter() {}

  /** The table as CSV: a header row of variable names, then one line per row. */
  public static byte[] csv(DataTable table) {
    return csv(table.header(), table.rows());
  }

  /** The table's data dictionary as a REDCap data dictionary CSV. */
  public static byte[] dictionaryCsv(DataTable table) {
    return csv(REDCAP_HEADER, dictionary(table));
  }

  /** Rows and a header as CSV by RFC 4180 (CRLF line ends, UTF-8, no byte order mark). */
  public static byte[] csv(List<String> header, List<List<String>> rows) {
    return Spreadsheets.csv(header, rows);
  }

  /** One CSV field, guarded against formula injection and quoted where needed. */
  public static String field(String value) {
    return Spreadsheets.field(value);
  }

  /** A value guarded against being taken for a formula. */
  public static String guard(String value) {
    return Spreadsheets.guard(value);
  }

  /** The data dictionary of a table: one row per variable, in REDCap's columns. */
  public static List<List<String>> dictionary(DataTable table) {
    List<List<String>> rows = new ArrayList<>();
    for (Variable v : table.variables()) {
      String fieldType =
          switch (v.type()) {
            case CHOICE -> v.choices().size() > 4 ? "dropdown" : "radio";
            default -> "text";
          };
      String validation =
          switch (v.type()) {
            case DATE -> "date_ymd";
            case INTEGER -> "integer";
            case NUMBER -> "number";
            default -> "";
          };
      String choices =
          v.choices().stream()
              .map(c -> c.code() + ", " + c.label().replace('|', '/'))
              .collect(Collectors.joining(" | "));
      rows.add(
          List.of(
              v.name(),
              table.form(),
              "",
              fieldType,
              v.label(),
              choices,
              v.note() == null ? "" : v.note(),
              validation,
              v.min() == null ? "" : v.min(),
              v.max() == null ? "" : v.max(),
              "",
              "",
              v.required() ? "y" : "",
              "",
              "",
              "",
              "",
              ""));
    }
    return rows;
  }

  /**
   * The table as an XLSX workbook: the data on a sheet named for it (numbers as numbers, the rest
   * as text, which a spreadsheet never runs as a formula), the data dictionary on a second sheet.
   */
  public static byte[] xlsx(DataTable table) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      Sheet data = book.createSheet(table.sheet());
      write(data, table.header(), bold);
      int r = 1;
      for (List<String> values : table.rows()) {
        Row row = data.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Cell cell = row.createCell(c);
          String value = values.get(c);
          Variable.Type type = table.variables().get(c).type();
          boolean numeric =
              (type == Variable.Type.INTEGER || type == Variable.Type.NUMBER)
                  && value.matches("-?\\d+(\\.\\d+)?");
          if (numeric) {
            cell.setCellValue(new BigDecimal(value).doubleValue());
          } else {
            cell.setCellValue(value);
          }
        }
      }
      data.createFreezePane(0, 1);
      Sheet dictionary = book.createSheet(DICTIONARY_SHEET);
      write(dictionary, REDCAP_HEADER, bold);
      r = 1;
      for (List<String> values : dictionary(table)) {
        Row row = dictionary.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          row.createCell(c).setCellValue(values.get(c));
        }
      }
      dictionary.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Sheet sheet, List<String> header, CellStyle style) {
    Row row = sheet.createRow(0);
    for (int c = 0; c < header.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(header.get(c));
      cell.setCellStyle(style);
    }
  }
}

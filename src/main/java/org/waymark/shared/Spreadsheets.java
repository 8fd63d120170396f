package org.waymark.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables as CSV (RFC 4180) and XLSX files that are safe to open in a spreadsheet: a value that a
 * spreadsheet could take for a formula is never written as one.
 */
public final class Spreadsheets {

  private static final String CRLF = "\r\n";
  private static final String NUMBER = "-?\\d+(\\.\\d+)?";

  private Spreadsheets() {}

  /** Rows and a header as CSV by RFC 4180 (CRLF line ends, UTF-8, no byte order mark). */
  public static byte[] csv(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append(line(header));
    for (List<String> row : rows) {
      out.append(line(row));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(List<String> values) {
    return values.stream().map(Spreadsheets::field).collect(Collectors.joining(",")) + CRLF;
  }

  /**
   * One CSV field: guarded against formula injection, then quoted if it holds a comma, a double
   * quote or a line break (double quotes doubled).
   */
  public static String field(String value) {
    String v = guard(value == null ? "" : value);
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /**
   * A value a spreadsheet could take for a formula (starting with =, +, -, @, a tab or a carriage
   * return) gets a leading apostrophe, so that it is shown as text and never run. A plain number,
   * such as a negative score, is left as it is: it cannot be a formula.
   */
  public static String guard(String value) {
    if (!isFormulaLike(value)) {
      return value;
    }
    return "'" + value;
  }

  /** Whether a spreadsheet could take the value for a formula. */
  public static boolean isFormulaLike(String value) {
    if (value == null || value.isEmpty() || value.matches(NUMBER)) {
      return false;
    }
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /**
   * One sheet as an XLSX workbook: a bold header row, frozen; cells that are plain numbers (commas
   * between thousands allowed) as numbers, everything else as text, with text a spreadsheet could
   * take for a formula marked to be shown as typed (quote prefix), so it is never run.
   *
   * @param note a line under the table, or null
   */
  public static byte[] xlsx(
      String sheetName, List<String> header, List<List<String>> rows, String note) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle asTyped = book.createCellStyle();
      asTyped.setQuotePrefixed(true);
      Sheet sheet = book.createSheet(safeSheetName(sheetName));
      Row top = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        Cell cell = top.createCell(c);
        text(cell, header.get(c), asTyped);
        cell.setCellStyle(bold);
      }
      int r = 1;
      for (List<String> values : rows) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.size(); c++) {
          Cell cell = row.createCell(c);
          String value = values.get(c) == null ? "" : values.get(c);
          String plain = value.replace(",", "");
          if (value.matches("-?\\d{1,3}(,\\d{3})*(\\.\\d+)?|" + NUMBER)) {
            cell.setCellValue(Double.parseDouble(plain));
          } else {
            text(cell, value, asTyped);
          }
        }
      }
      if (note != null) {
        text(sheet.createRow(r + 1).createCell(0), note, asTyped);
      }
      sheet.createFreezePane(0, 1);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void text(Cell cell, String value, CellStyle asTyped) {
    cell.setCellValue(value);
    if (isFormulaLike(value)) {
      cell.setCellStyle(asTyped);
    }
  }

  /** A name Excel accepts for a sheet: at most 31 characters, none of its reserved ones. */
  static String safeSheetName(String name) {
    String s = name == null || name.isBlank() ? "Data" : name.replaceAll("[\\[\\]:*?/\\\\]", " ");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }
}

package org.waymark.reporting.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a table of reference data row by row from a CSV file or an Excel workbook (XLSX), streamed,
 * so a file of every LSOA in England needs little memory. In a workbook the first sheet whose
 * header row the handler accepts is read; in a CSV file the first line is the header. The header
 * row is the first row with any value in it.
 */
final class TableReader {

  /** What the reader hands rows to. */
  interface Rows {

    /**
     * The header row's values, trimmed.
     *
     * @return false if this is not the table wanted (in a workbook the next sheet is tried)
     */
    boolean header(List<String> names);

    /** A row after the header, its values trimmed (empty for an empty cell); 1 is the header. */
    void row(long number, List<String> values);
  }

  private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

  private TableReader() {}

  /**
   * Reads the file.
   *
   * @return whether a header row was accepted
   * @throws ReferenceFileException if the file cannot be read as CSV or XLSX
   */
  static boolean read(Path file, Rows rows) {
    byte[] start = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(start, 0, 4);
      if (n == 4 && Arrays.equals(start, OLE2)) {
        throw new ReferenceFileException(
            "The file is an Excel 97-2003 workbook (.xls) or a protected workbook: save it as an"
                + " Excel workbook (.xlsx) or as CSV and upload that");
      }
      if (n == 4 && Arrays.equals(start, ZIP)) {
        return readWorkbook(file, rows);
      }
    } catch (IOException e) {
      throw new ReferenceFileException("The file could not be read");
    }
    return readCsv(file, rows);
  }

  private static boolean readCsv(Path file, Rows rows) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      List<String> header = null;
      while (header == null && records.hasNext()) {
        List<String> values = values(records.next().toList());
        if (values.stream().anyMatch(v -> !v.isEmpty())) {
          header = values;
        }
      }
      if (header == null || !rows.header(header)) {
        return false;
      }
      long number = 1;
      while (records.hasNext()) {
        List<String> values = values(records.next().toList());
        number++;
        if (values.stream().allMatch(String::isEmpty)) {
          continue;
        }
        rows.row(number, values);
      }
      return true;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new ReferenceFileException("The file could not be read as CSV");
    }
  }

  private static boolean readWorkbook(Path file, Rows rows) {
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader reader = new XSSFReader(pkg);
      StylesTable styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      while (sheets.hasNext()) {
        SheetRows sheetRows = new SheetRows(rows);
        try (InputStream sheet = sheets.next()) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(
                  styles, null, strings, sheetRows, new DataFormatter(), false));
          parser.parse(new InputSource(sheet));
        } catch (RuntimeException e) {
          if (!isNotThisSheet(e)) {
            throw e;
          }
        } catch (SAXException e) {
          if (!isNotThisSheet(e)) {
            throw new ReferenceFileException("The workbook could not be read");
          }
        }
        if (sheetRows.accepted) {
          return true;
        }
      }
      return false;
    } catch (InvalidFormatException e) {
      throw new ReferenceFileException("The file is neither CSV nor an Excel workbook (.xlsx)");
    } catch (IOException | OpenXML4JException | ParserConfigurationException | SAXException e) {
      throw new ReferenceFileException("The workbook could not be read");
    } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.util.RecordFormatException e) {
      throw new ReferenceFileException("The workbook could not be read");
    }
  }

  private static boolean isNotThisSheet(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NotThisSheet) {
        return true;
      }
      if (t instanceof SAXException sax && sax.getException() instanceof NotThisSheet) {
        return true;
      }
    }
    return false;
  }

  private static List<String> values(List<String> raw) {
    List<String> values = new ArrayList<>(raw.size());
    for (String v : raw) {
      values.add(v == null ? "" : v.replace("\uFEFF", "").strip());
    }
    return values;
  }

  /** Stops reading a sheet whose header row is not the one wanted. */
  private static final class NotThisSheet extends RuntimeException {
    NotThisSheet() {
      super(null, null, false, false);
    }
  }

  /** One sheet's rows, handed on once its header is accepted. */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Rows rows;
    private final List<String> current = new ArrayList<>();
    private boolean headerSeen;
    boolean accepted;
    private int rowNumber;

    SheetRows(Rows rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      current.clear();
      rowNumber = rowNum + 1;
    }

    @Override
    public void endRow(int rowNum) {
      List<String> values = values(current);
      if (values.stream().allMatch(String::isEmpty)) {
        return;
      }
      if (!headerSeen) {
        headerSeen = true;
        if (!rows.header(values)) {
          throw new NotThisSheet();
        }
        accepted = true;
        return;
      }
      rows.row(rowNumber, values);
    }

    @Override
    public void cell(String cellReference, String formattedValue, XSSFComment comment) {
      int column =
          cellReference == null ? current.size() : new CellReference(cellReference).getCol();
      while (current.size() < column) {
        current.add("");
      }
      current.add(formattedValue == null ? "" : formattedValue);
    }
  }
}

package org.waymark.research.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** CSV by RFC 4180 with formula injection guarded, XLSX with two sheets, REDCap dictionaries. */
class ExportWriterTests {

  final DataTable table =
      new DataTable(
          "participants",
          "Participants",
          List.of(
              Variable.text("study_code", "Study id", null, true),
              Variable.integer("duration_minutes", "How long", "Minutes", 1, 600, true),
              Variable.choice("consent_interview", "Interview", Variable.agreed(), null, true)),
          List.of(
              List.of("S01-P-001", "45", "1"),
              List.of("=HYPERLINK(\"http://x\")", "-3", "0"),
              List.of("Smith, \"Jo\"\nline two", "+1", "@SUM(A1)")));

  @Test
  void writesRfc4180WithAHeaderRowQuotingAndCrlf() throws Exception {
    String csv = new String(ExportWriter.csv(table), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("study_code,duration_minutes,consent_interview\r\n");
    assertThat(csv).contains("\"Smith, \"\"Jo\"\"\nline two\"");
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(3);
    assertThat(records.get(2).get("study_code")).isEqualTo("Smith, \"Jo\"\nline two");
  }

  @Test
  void guardsAgainstFormulaInjectionButLeavesNumbersAlone() {
    assertThat(ExportWriter.field("=1+2")).isEqualTo("'=1+2");
    assertThat(ExportWriter.field("+44 113")).isEqualTo("'+44 113");
    assertThat(ExportWriter.field("-2+3")).isEqualTo("'-2+3");
    assertThat(ExportWriter.field("@cmd")).isEqualTo("'@cmd");
    assertThat(ExportWriter.field("\tx")).isEqualTo("'\tx");
    assertThat(ExportWriter.field("-3")).isEqualTo("-3");
    assertThat(ExportWriter.field("-2.5")).isEqualTo("-2.5");
    assertThat(ExportWriter.field("S01-P-001")).isEqualTo("S01-P-001");
    assertThat(ExportWriter.field("=a,b")).isEqualTo("\"'=a,b\"");
    String csv = new String(ExportWriter.csv(table), StandardCharsets.UTF_8);
    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\",-3,0");
    assertThat(csv).contains("'+1,'@SUM(A1)");
  }

  @Test
  void writesAWorkbookWithTheDataAndTheDictionary() throws Exception {
    try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(ExportWriter.xlsx(table)))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
      Sheet data = book.getSheetAt(0);
      assertThat(data.getSheetName()).isEqualTo("Participants");
      assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("study_code");
      assertThat(data.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(45.0);
      // Text stays text: never a formula cell.
      assertThat(data.getRow(2).getCell(0).getStringCellValue())
          .isEqualTo("=HYPERLINK(\"http://x\")");
      Sheet dictionary = book.getSheet("Data dictionary");
      assertThat(dictionary.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Variable / Field Name");
      assertThat(dictionary.getLastRowNum()).isEqualTo(3);
    }
  }

  @Test
  void describesEveryVariableInRedcapFormat() throws Exception {
    String csv = new String(ExportWriter.dictionaryCsv(table), StandardCharsets.UTF_8);
    List<CSVRecord> records =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records.get(0).getParser().getHeaderNames())
        .containsExactlyElementsOf(ExportWriter.REDCAP_HEADER)
        .hasSize(18);
    assertThat(records)
        .extracting(r -> r.get(0))
        .containsExactly(table.header().toArray(String[]::new));
    CSVRecord duration = records.get(1);
    assertThat(duration.get("Field Type")).isEqualTo("text");
    assertThat(duration.get("Text Validation Type OR Show Slider Number")).isEqualTo("integer");
    assertThat(duration.get("Text Validation Min")).isEqualTo("1");
    assertThat(duration.get("Text Validation Max")).isEqualTo("600");
    CSVRecord consent = records.get(2);
    assertThat(consent.get("Field Type")).isEqualTo("radio");
    assertThat(consent.get("Choices, Calculations, OR Slider Labels"))
        .isEqualTo("1, Agreed | 0, Not agreed");
    assertThat(consent.get("Form Name")).isEqualTo("participants");
    assertThat(consent.get("Required Field?")).isEqualTo("y");
  }

  @Test
  void variableNamesAreLowerSnakeCaseOfAtMost26Characters() {
    assertThatThrownBy(() -> Variable.text("StudyCode", "x", null, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Variable.text("a_name_that_is_far_too_long_", "x", null, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Variable.text("a_name_of_twenty_six_chars", "x", null, true).name()).hasSize(26);
  }
}

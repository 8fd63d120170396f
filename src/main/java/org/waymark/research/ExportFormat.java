package org.waymark.research;

/** The file format of an export. */
public enum ExportFormat {
  CSV("CSV (comma-separated values, UTF-8)", "csv", "text/csv; charset=UTF-8; header=present"),
  XLSX(
      "Excel workbook (XLSX), with the data dictionary on a second sheet",
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final String label;
  private final String extension;
  private final String contentType;

  ExportFormat(String label, String extension, String contentType) {
    this.label = label;
    this.extension = extension;
    this.contentType = contentType;
  }

  public String label() {
    return label;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The media type the file is sent as. */
  public String contentType() {
    return contentType;
  }
}

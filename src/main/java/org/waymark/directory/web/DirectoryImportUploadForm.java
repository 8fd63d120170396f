package org.waymark.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;
import org.waymark.directory.DirectoryImports.Format;

/** A file of services to import: its format and the name of its source. */
public class DirectoryImportUploadForm {

  /** Text, so that a value no radio offers is answered with this form's own message. */
  @NotBlank(message = "{directory.import.format.required}")
  private String format;

  @Size(max = 200, message = "{directory.import.source.tooLong}")
  private String source;

  private MultipartFile file;

  public MultipartFile getFile() {
    return file;
  }

  public void setFile(MultipartFile file) {
    this.file = file;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  /** The format chosen, or null if none of the offered ones. */
  Format chosenFormat() {
    for (Format f : Format.values()) {
      if (f.name().equals(format)) {
        return f;
      }
    }
    return null;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }
}

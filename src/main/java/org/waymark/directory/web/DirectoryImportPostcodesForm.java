package org.waymark.directory.web;

import org.springframework.web.multipart.MultipartFile;

/** The ONS Postcode Directory CSV to import. */
public class DirectoryImportPostcodesForm {

  private MultipartFile file;

  public MultipartFile getFile() {
    return file;
  }

  public void setFile(MultipartFile file) {
    this.file = file;
  }
}

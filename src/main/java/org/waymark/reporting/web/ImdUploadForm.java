package org.waymark.reporting.web;

import org.springframework.web.multipart.MultipartFile;

/** An English Indices of Deprivation file to import, CSV or XLSX. */
public class ImdUploadForm {

  private MultipartFile imdFile;

  public MultipartFile getImdFile() {
    return imdFile;
  }

  public void setImdFile(MultipartFile imdFile) {
    this.imdFile = imdFile;
  }
}

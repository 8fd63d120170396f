package org.waymark.reporting.web;

import org.springframework.web.multipart.MultipartFile;

/** NHS England's Patients Registered at a GP Practice file to import. */
public class PopulationUploadForm {

  private MultipartFile populationFile;

  public MultipartFile getPopulationFile() {
    return populationFile;
  }

  public void setPopulationFile(MultipartFile populationFile) {
    this.populationFile = populationFile;
  }
}

package org.waymark.referral.web;

import org.springframework.web.multipart.MultipartFile;

/** The CSV file of referrals to import. */
public class ReferralImportForm {

  private MultipartFile file;

  public MultipartFile getFile() {
    return file;
  }

  public void setFile(MultipartFile file) {
    this.file = file;
  }
}

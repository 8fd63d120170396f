package org.waymark.person.web;

/**
 * The choice on the merge page: which of the two records to keep, and the version of each as the
 * user compared them.
 */
public class MergeForm {

  private String keep;
  private Long version;
  private Long otherVersion;

  public String getKeep() {
    return keep;
  }

  public void setKeep(String keep) {
    this.keep = keep;
  }

  /** The version of the record whose page the comparison was opened from. */
  public Long getVersion() {
    return version;
  }

  public void setVersion(Long version) {
    this.version = version;
  }

  /** The version of the other record. */
  public Long getOtherVersion() {
    return otherVersion;
  }

  public void setOtherVersion(Long otherVersion) {
    this.otherVersion = otherVersion;
  }
}

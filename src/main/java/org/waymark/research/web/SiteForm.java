package org.waymark.research.web;

/** A site as posted. */
public class SiteForm {

  private String code;
  private String name;
  private String siteOrganisationId;

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSiteOrganisationId() {
    return siteOrganisationId;
  }

  public void setSiteOrganisationId(String siteOrganisationId) {
    this.siteOrganisationId = siteOrganisationId;
  }
}

package org.waymark.fhir.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * A client system to register: its name, the scopes ticked in the grid and, for an organisation
 * that refers, the referral source its referrals carry when they name none. The controller checks
 * the scopes and the source against the lists it offered.
 */
class FhirClientForm {

  @NotBlank(message = "{fhir.client.name.required}")
  @Size(max = 200, message = "{fhir.client.name.tooLong}")
  private String name;

  private List<String> scopes = new ArrayList<>();

  private String referralSource;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : scopes;
  }

  public String getReferralSource() {
    return referralSource;
  }

  public void setReferralSource(String referralSource) {
    this.referralSource = referralSource;
  }
}

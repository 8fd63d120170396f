package org.waymark.administration.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;

/**
 * A new organisation, or changes to one. The type is required only when creating (it cannot be
 * changed), so the controller checks it; the identity module checks names, ODS codes and the PCN.
 */
class OrganisationForm {

  private OrganisationType type;

  @NotBlank(message = "{organisation.name.required}")
  @Size(max = 200, message = "{administration.organisation.name.tooLong}")
  private String name;

  private String odsCode;

  private String postcode;

  private UUID parentId;

  static OrganisationForm of(Organisation o) {
    OrganisationForm form = new OrganisationForm();
    form.type = o.type();
    form.name = o.name();
    form.odsCode = o.odsCode();
    form.postcode = o.postcode();
    form.parentId = o.parentId();
    return form;
  }

  public OrganisationType getType() {
    return type;
  }

  public void setType(OrganisationType type) {
    this.type = type;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getOdsCode() {
    return odsCode;
  }

  public void setOdsCode(String odsCode) {
    this.odsCode = odsCode;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public UUID getParentId() {
    return parentId;
  }

  public void setParentId(UUID parentId) {
    this.parentId = parentId;
  }
}

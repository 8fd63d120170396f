package org.waymark.connection.web;

import java.util.ArrayList;
import java.util.List;

/** The onward referral form: what will be shared with the service. */
public class OnwardReferralForm {

  private String serviceId;
  private List<String> needs = new ArrayList<>();
  private String contact;
  private String whatMatters;
  private String mustKnow;
  private String consentGiven;

  public String getServiceId() {
    return serviceId;
  }

  public void setServiceId(String serviceId) {
    this.serviceId = serviceId;
  }

  public List<String> getNeeds() {
    return needs;
  }

  public void setNeeds(List<String> needs) {
    this.needs = needs == null ? new ArrayList<>() : needs;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public String getWhatMatters() {
    return whatMatters;
  }

  public void setWhatMatters(String whatMatters) {
    this.whatMatters = whatMatters;
  }

  public String getMustKnow() {
    return mustKnow;
  }

  public void setMustKnow(String mustKnow) {
    this.mustKnow = mustKnow;
  }

  public String getConsentGiven() {
    return consentGiven;
  }

  public void setConsentGiven(String consentGiven) {
    this.consentGiven = consentGiven;
  }
}

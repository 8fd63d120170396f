package org.waymark.connection;

import java.util.List;
import java.util.UUID;

/**
 * What the link worker fills in to refer a person onward.
 *
 * @param needs {@code NEED} codes, at least one
 * @param contact how the service should contact the person
 * @param whatMatters what matters to the person, in their words; may be blank
 * @param mustKnow anything the service must know; may be blank
 * @param consentGiven the person agreed that these details are shared with this service
 * @param method how it is sent; null for the service's own method
 */
public record OnwardReferral(
    UUID serviceId,
    List<String> needs,
    String contact,
    String whatMatters,
    String mustKnow,
    boolean consentGiven,
    ConnectionMethod method) {

  public OnwardReferral {
    needs = needs == null ? List.of() : List.copyOf(needs);
  }
}

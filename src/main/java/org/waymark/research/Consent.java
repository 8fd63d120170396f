package org.waymark.research;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A participant's answers to one version of the consent form, item by item. */
public record Consent(
    UUID id,
    UUID documentId,
    String versionLabel,
    LocalDate consentedOn,
    Set<ConsentItem> agreed,
    Set<ConsentItem> refused) {

  public Consent {
    agreed = Set.copyOf(agreed);
    refused = Set.copyOf(refused);
  }

  public boolean agreedTo(ConsentItem item) {
    return agreed.contains(item);
  }
}

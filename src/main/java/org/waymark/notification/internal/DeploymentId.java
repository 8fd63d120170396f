package org.waymark.notification.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.waymark.identity.IdentityManagement;
import org.waymark.identity.Organisation;
import org.waymark.identity.OrganisationType;

/** The deployment's own organisation: templates belong to it, like the code lists. */
@Component
public class DeploymentId {

  private final IdentityManagement identity;
  private volatile UUID id;

  DeploymentId(IdentityManagement identity) {
    this.identity = identity;
  }

  public UUID get() {
    UUID known = id;
    if (known == null) {
      known =
          identity.organisations(OrganisationType.DEPLOYMENT).stream()
              .map(Organisation::id)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("No deployment organisation"));
      id = known;
    }
    return known;
  }
}

package org.waymark.shared;

import java.util.UUID;

/**
 * The signed-in user as they act now: one organisation and one role. Implemented by the identity
 * module's principal, so that any module can say who did something without depending on identity.
 */
public interface ActingUser {

  UUID userId();

  /** The sign-in name (an email address). */
  String username();

  String displayName();

  UUID organisationId();

  String organisationName();

  /** The role's name, for example {@code LINK_WORKER}. */
  String role();
}

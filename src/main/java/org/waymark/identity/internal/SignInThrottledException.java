package org.waymark.identity.internal;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many recent failures for the account or the address. */
class SignInThrottledException extends AuthenticationException {
  SignInThrottledException() {
    super("Too many failed sign-in attempts");
  }
}

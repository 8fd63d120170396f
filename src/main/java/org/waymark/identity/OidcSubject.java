package org.waymark.identity;

/**
 * The OpenID Connect identity an account is bound to: the provider's issuer and its subject for the
 * user. A subject means nothing without its issuer. Neither is null.
 */
public record OidcSubject(String issuer, String subject) {}

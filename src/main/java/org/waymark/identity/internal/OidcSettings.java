package org.waymark.identity.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How Waymark signs staff in through an OpenID Connect provider (README, "Configuration"; ADR
 * 0020). Checked when the application starts, without asking the provider anything.
 *
 * @param issuerUri the provider's issuer, exactly as its discovery document states it
 * @param clientId Waymark's client id at the provider
 * @param clientSecret the client secret; blank for a public client (PKCE alone)
 * @param name what the sign-in button calls the provider
 * @param scopes the scopes asked for, always with {@code openid}
 * @param matchByEmail whether an account not yet bound to a subject may be found by a verified
 *     email
 * @param requireMfa whether sign-in needs an ID token showing multi-factor authentication
 * @param acrValues {@code acr} values that show multi-factor authentication
 * @param amrValues {@code amr} values that show multi-factor authentication
 */
record OidcSettings(
    String issuerUri,
    String clientId,
    String clientSecret,
    String name,
    List<String> scopes,
    boolean matchByEmail,
    boolean requireMfa,
    Set<String> acrValues,
    Set<String> amrValues) {

  static OidcSettings of(
      String issuerUri,
      String clientId,
      String clientSecret,
      String name,
      String scopes,
      String match,
      boolean requireMfa,
      String acrValues,
      String amrValues) {
    String issuer = issuerUri.strip();
    if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
      throw new IllegalStateException("WAYMARK_OIDC_ISSUER_URI must be an http(s) URL");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalStateException("WAYMARK_OIDC_CLIENT_ID must be set with an issuer");
    }
    String how = match == null ? "" : match.strip().toLowerCase(Locale.ROOT);
    if (!how.equals("email") && !how.equals("subject")) {
      throw new IllegalStateException("WAYMARK_OIDC_MATCH must be subject or email");
    }
    Set<String> acr = values(acrValues);
    Set<String> amr = values(amrValues);
    if (requireMfa && acr.isEmpty() && amr.isEmpty()) {
      throw new IllegalStateException(
          "WAYMARK_OIDC_REQUIRE_MFA needs WAYMARK_OIDC_MFA_ACR_VALUES or WAYMARK_OIDC_MFA_AMR_VALUES");
    }
    Set<String> scope = new LinkedHashSet<>();
    scope.add("openid");
    scope.addAll(values(scopes));
    return new OidcSettings(
        issuer,
        clientId.strip(),
        clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip(),
        name == null || name.isBlank() ? "single sign-on" : name.strip(),
        List.copyOf(scope),
        how.equals("email"),
        requireMfa,
        acr,
        amr);
  }

  private static Set<String> values(String list) {
    Set<String> values = new LinkedHashSet<>();
    if (list != null) {
      Arrays.stream(list.split("[,\\s]+")).filter(v -> !v.isBlank()).forEach(values::add);
    }
    return Set.copyOf(values);
  }
}

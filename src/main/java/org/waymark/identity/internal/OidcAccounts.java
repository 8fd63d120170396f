package org.waymark.identity.internal;

import java.io.Serial;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.WaymarkUser;

/**
 * Finds the Waymark account for a verified ID token. Spring has by now checked the token's
 * signature, issuer, audience, expiry and nonce. An account is found by the issuer and subject it
 * is bound to; failing that, if allowed, by the token's email when the provider says it is
 * verified, and then bound to this subject so that later sign-ins go by subject alone. Accounts are
 * never created here. An unknown account, a disabled one, and one bound to another subject are
 * refused alike, so the answer never tells which accounts exist.
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String ACCOUNT_NOT_RECOGNISED = "account_not_recognised";
  static final String MFA_REQUIRED = "mfa_required";

  private final OidcSettings settings;
  private final UserStore users;
  private final WaymarkUserDetailsService principals;
  private final AuditLog audit;
  private final OAuth2UserService<OidcUserRequest, OidcUser> userInfo = new OidcUserService();

  OidcAccounts(
      OidcSettings settings,
      UserStore users,
      WaymarkUserDetailsService principals,
      AuditLog audit) {
    this.settings = settings;
    this.users = users;
    this.principals = principals;
    this.audit = audit;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser provided = userInfo.loadUser(request);
    OidcIdToken token = request.getIdToken();
    String issuer = token.getIssuer().toString();
    String subject = token.getSubject();
    String email = provided.getEmail();
    // Checked before any account is looked up, so this refusal says nothing about accounts.
    if (settings.requireMfa() && !showsMultiFactor(token)) {
      throw new Refused(MFA_REQUIRED, email, subject);
    }
    UserStore.Credentials account = users.credentialsBySubject(issuer, subject).orElse(null);
    if (account == null
        && settings.matchByEmail()
        && email != null
        && Boolean.TRUE.equals(provided.getEmailVerified())) {
      account = bindByEmail(email, issuer, subject);
    }
    if (account == null || !account.enabled()) {
      throw new Refused(ACCOUNT_NOT_RECOGNISED, email, subject);
    }
    return new SignedIn(principals.principal(account), token, provided.getUserInfo());
  }

  private UserStore.Credentials bindByEmail(String email, String issuer, String subject) {
    UserStore.Credentials account = users.credentials(email).orElse(null);
    if (account == null || !account.enabled()) {
      return null;
    }
    try {
      // Only an account bound to nobody yet: one bound to another subject keeps it until an
      // administrator clears it, so a provider that reuses an email cannot take the account over.
      if (!users.bindOidcSubject(account.id(), issuer, subject)) {
        return null;
      }
    } catch (DataIntegrityViolationException racedByAnotherSignIn) {
      return null;
    }
    audit.record(
        new AuditActor(AuditLog.DEPLOYMENT, account.id(), account.email(), null),
        AuditEntry.allowed("USER_OIDC_SUBJECT_BOUND", "user", account.id(), null));
    return account;
  }

  /** True if the ID token's acr, or one of its amr values, is one the settings accept. */
  boolean showsMultiFactor(OidcIdToken token) {
    String acr = token.getAuthenticationContextClass();
    List<String> amr = token.getAuthenticationMethods();
    Set<String> acceptedAmr = settings.amrValues();
    return (acr != null && settings.acrValues().contains(acr))
        || (amr != null && amr.stream().anyMatch(acceptedAmr::contains));
  }

  /**
   * The provider's user, holding the Waymark user it was matched to. Lives only until sign-in
   * completes, when the session is given the Waymark user itself.
   */
  static final class SignedIn extends DefaultOidcUser {

    @Serial private static final long serialVersionUID = 1L;

    private final WaymarkUser user;

    SignedIn(WaymarkUser user, OidcIdToken token, OidcUserInfo userInfo) {
      super(user.getAuthorities(), token, userInfo, "sub");
      this.user = user;
    }

    WaymarkUser user() {
      return user;
    }
  }

  /** A sign-in refused after the provider vouched for the user; carries what the audit records. */
  static final class Refused extends OAuth2AuthenticationException {

    @Serial private static final long serialVersionUID = 1L;

    private final String email;
    private final String subject;

    Refused(String code, String email, String subject) {
      super(new OAuth2Error(code), code);
      this.email = email;
      this.subject = subject;
    }

    /** The email the provider gave, or null. */
    String email() {
      return email;
    }

    String subject() {
      return subject;
    }
  }
}

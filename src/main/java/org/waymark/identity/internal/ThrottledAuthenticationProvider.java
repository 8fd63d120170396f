package org.waymark.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.waymark.audit.AuditActor;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.RequestContext;

/**
 * Password sign-in with throttling and auditing around it. Unknown accounts, wrong passwords and
 * disabled accounts fail the same way, so the answer never tells which accounts exist.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;
  private final AuditLog audit;

  ThrottledAuthenticationProvider(
      AuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.audit = audit;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName() == null ? "" : authentication.getName().trim();
    String address = RequestContext.remoteAddress();
    AuditActor anonymous = new AuditActor(AuditLog.DEPLOYMENT, null, username, null);
    if (throttle.blockedUntil(username, address).isPresent()) {
      audit.record(anonymous, AuditEntry.refused("SIGN_IN_THROTTLED", "user", null, null));
      throw new SignInThrottledException();
    }
    try {
      Authentication result = passwords.authenticate(authentication);
      WaymarkUser user = (WaymarkUser) result.getPrincipal();
      throttle.recordSuccess(username, address);
      audit.record(
          new AuditActor(user.organisationId(), user.userId(), user.username(), user.role()),
          AuditEntry.allowed("SIGN_IN", "user", user.userId(), null));
      return result;
    } catch (AuthenticationException e) {
      throttle.recordFailure(username, address);
      audit.record(anonymous, AuditEntry.refused("SIGN_IN_FAILED", "user", null, null));
      throw new BadCredentialsException("Bad credentials");
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}

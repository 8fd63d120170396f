package org.waymark.identity;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Runs start-up work (the demo data) as a named account, so that it goes through the same API,
 * access checks and audit trail as that person working in the browser. Refused inside a web request
 * or while someone is signed in: no page or API can reach it to borrow another account.
 */
@Component
public class ActingAs {

  private final UserDetailsService accounts;

  ActingAs(UserDetailsService accounts) {
    this.accounts = accounts;
  }

  /**
   * Runs {@code work} as the account with this email address, acting in its first membership.
   *
   * @throws IllegalStateException inside a request or with a user signed in
   */
  public <T> T call(String email, Supplier<T> work) {
    if (RequestContextHolder.getRequestAttributes() != null
        || SecurityContextHolder.getContext().getAuthentication() != null) {
      throw new IllegalStateException("Only start-up work may act as an account");
    }
    WaymarkUser user = (WaymarkUser) accounts.loadUserByUsername(email);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      return work.get();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** As {@link #call}, for work that answers nothing. */
  public void run(String email, Runnable work) {
    call(
        email,
        () -> {
          work.run();
          return null;
        });
  }
}

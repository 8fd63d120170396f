package org.waymark.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.shared.ProblemResponses;

/**
 * Ends a session that is older than the absolute limit (12 hours by default), however active it has
 * been; the idle limit is the session's own timeout.
 */
class AbsoluteSessionTimeoutFilter extends OncePerRequestFilter {

  private final long limitMillis;

  AbsoluteSessionTimeoutFilter(Duration limit) {
    this.limitMillis = limit.toMillis();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && System.currentTimeMillis() - session.getCreationTime() > limitMillis) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      if (ProblemResponses.isApi(request)) {
        ProblemResponses.write(
            response, request, 401, "Unauthorized", "Your session has ended. Sign in again.");
      } else {
        response.sendRedirect(request.getContextPath() + "/login?expired");
      }
      return;
    }
    chain.doFilter(request, response);
  }
}

package org.waymark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.shared.RequestContext;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is sensible, else a new one)
 * and puts it, with the caller's address, where logs, audit entries and problem details find them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader("X-Request-Id");
    String id =
        given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    MDC.put(RequestContext.REQUEST_ID, id);
    MDC.put(RequestContext.REMOTE_ADDRESS, request.getRemoteAddr());
    request.setAttribute(RequestContext.REQUEST_ID, id);
    response.setHeader("X-Request-Id", id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(RequestContext.REQUEST_ID);
      MDC.remove(RequestContext.REMOTE_ADDRESS);
    }
  }
}

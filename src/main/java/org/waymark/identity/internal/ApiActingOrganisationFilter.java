package org.waymark.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.identity.Membership;
import org.waymark.identity.WaymarkUser;
import org.waymark.shared.ProblemResponses;

/**
 * For a system signed in with HTTP Basic: the organisation it acts for in this request. A user with
 * one membership acts in it; a user with several names one in the {@code Waymark-Organisation}
 * header (an organisation id), since there is no session to remember a choice.
 */
class ApiActingOrganisationFilter extends OncePerRequestFilter {

  static final String HEADER = "Waymark-Organisation";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof WaymarkUser user)) {
      chain.doFilter(request, response);
      return;
    }
    String named = request.getHeader(HEADER);
    if (named == null || named.isBlank()) {
      if (user.hasSeveralMemberships()) {
        ProblemResponses.write(
            response,
            request,
            400,
            "Bad Request",
            "This account acts for several organisations: name one in the " + HEADER + " header.");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    UUID organisationId;
    try {
      organisationId = UUID.fromString(named.strip());
    } catch (IllegalArgumentException e) {
      ProblemResponses.write(
          response,
          request,
          400,
          "Bad Request",
          "The " + HEADER + " header must be an organisation id.");
      return;
    }
    List<Membership> matching =
        user.memberships().stream().filter(m -> m.organisationId().equals(organisationId)).toList();
    if (matching.isEmpty()) {
      ProblemResponses.write(
          response,
          request,
          403,
          "Forbidden",
          "This account is not a member of the organisation in the " + HEADER + " header.");
      return;
    }
    if (matching.size() > 1) {
      ProblemResponses.write(
          response,
          request,
          400,
          "Bad Request",
          "This account has several roles in that organisation; the API cannot choose one.");
      return;
    }
    WaymarkUser acting = user.actingAs(matching.get(0));
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(acting, null, acting.getAuthorities()));
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}

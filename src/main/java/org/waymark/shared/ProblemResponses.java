package org.waymark.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 9457 problem details where no controller is involved (security filters, size limits),
 * with the same fields as the API's own problems: type, title, status, detail, instance, requestId.
 */
public final class ProblemResponses {

  private ProblemResponses() {}

  /** True for requests to the JSON API, which answer problem details rather than pages. */
  public static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals("/api");
  }

  public static void write(
      HttpServletResponse response,
      HttpServletRequest request,
      int status,
      String title,
      String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    String json =
        "{\"type\":\"about:blank\",\"title\":"
            + quote(title)
            + ",\"status\":"
            + status
            + ",\"detail\":"
            + quote(detail)
            + ",\"instance\":"
            + quote(request.getRequestURI())
            + ",\"requestId\":"
            + quote(RequestContext.requestId())
            + "}";
    response.getWriter().write(json);
    response.getWriter().flush();
  }

  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

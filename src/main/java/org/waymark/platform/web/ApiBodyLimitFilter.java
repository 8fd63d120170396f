package org.waymark.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.waymark.shared.ProblemResponses;

/**
 * Refuses API request bodies over the limit with 413 problem details: at once when the declared
 * length is too large, and as soon as a body without a declared length passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiBodyLimitFilter extends OncePerRequestFilter {

  private final long maxBytes;

  ApiBodyLimitFilter(@Value("${waymark.api.max-body-bytes}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ProblemResponses.isApi(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      ProblemResponses.write(
          response,
          request,
          413,
          "Content Too Large",
          "The request body is larger than " + maxBytes + " bytes.");
      return;
    }
    chain.doFilter(new LimitedRequest(request, maxBytes), response);
  }

  /** Thrown when a body without a declared length passes the limit; answered with 413. */
  static class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("Request body too large");
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long count;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++count > max) {
                  throw new BodyTooLargeException();
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (count += n) > max) {
                  throw new BodyTooLargeException();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String enc =
          getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), enc));
    }
  }
}

package org.waymark.shared;

import org.slf4j.MDC;

/** Per-request facts that logs, audit entries and error answers carry. */
public final class RequestContext {

  /** The MDC and request-attribute key of the request id. */
  public static final String REQUEST_ID = "requestId";

  /** The MDC key of the caller's address. */
  public static final String REMOTE_ADDRESS = "remoteAddress";

  private RequestContext() {}

  /** The current request's id, or null outside a request. */
  public static String requestId() {
    return MDC.get(REQUEST_ID);
  }

  /** The current caller's address, or null outside a request. */
  public static String remoteAddress() {
    return MDC.get(REMOTE_ADDRESS);
  }
}

package org.waymark.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.waymark.identity.AccessPolicy;
import org.waymark.identity.RequiresPermission;
import org.waymark.shared.PublicEndpoint;

/**
 * Enforces the permission every controller method names. Fails closed: a handler that names neither
 * a permission nor {@link PublicEndpoint} is refused to everyone.
 */
@Component
public class PermissionInterceptor implements HandlerInterceptor {

  private final AccessPolicy access;

  PermissionInterceptor(AccessPolicy access) {
    this.access = access;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true; // static resources
    }
    if (isPublic(method) || !isWaymarks(method)) {
      return true;
    }
    RequiresPermission rule = rule(method);
    if (rule == null || !access.may(rule.value())) {
      throw new AccessDeniedException("Access refused");
    }
    return true;
  }

  /** The permission a handler names, on the method or its controller; null if none. */
  public static RequiresPermission rule(HandlerMethod method) {
    RequiresPermission onMethod =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
    return onMethod != null
        ? onMethod
        : AnnotatedElementUtils.findMergedAnnotation(
            method.getBeanType(), RequiresPermission.class);
  }

  /**
   * Framework endpoints (the error page, the OpenAPI description) are not Waymark's; their access
   * is set by URL in the security configuration.
   */
  public static boolean isWaymarks(HandlerMethod method) {
    return method.getBeanType().getName().startsWith("org.waymark.");
  }

  /** True if the handler, or its controller, is marked as public. */
  public static boolean isPublic(HandlerMethod method) {
    return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
        || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
  }
}

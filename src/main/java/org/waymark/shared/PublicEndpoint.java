package org.waymark.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web endpoint as open to anyone, signed in or not. Every other endpoint must name the
 * permission it needs ({@code identity.RequiresPermission}); one with neither is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicEndpoint {

  /** Why this endpoint may be open. */
  String value();
}

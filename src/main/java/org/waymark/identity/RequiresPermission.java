package org.waymark.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a web endpoint needs (on the method, or on the controller for all its methods). An
 * endpoint with neither this nor {@code shared.PublicEndpoint} is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {
  Permission value();
}

package org.waymark.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on the shared test PostgreSQL, with the demo data loaded.
 * Every test class that uses it shares one cached context, so keep properties identical.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "waymark.demo.enabled=true",
      "waymark.demo.password=" + DemoAccounts.PASSWORD,
      "logging.level.org.waymark=INFO",
      // Lets a test stand for a caller at another address (X-Forwarded-For from the local proxy),
      // so
      // per-address throttling can be tested without locking every other test out of 127.0.0.1.
      "server.forward-headers-strategy=native"
    })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface WaymarkIntegrationTest {}

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
      "logging.level.org.waymark=INFO"
    })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface WaymarkIntegrationTest {}

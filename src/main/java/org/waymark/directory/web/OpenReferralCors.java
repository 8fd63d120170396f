package org.waymark.directory.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets web pages on any origin read the Open Referral UK API: GET only, without credentials, so a
 * signed-in user's session is never sent along by another site.
 */
@Configuration(proxyBeanMethods = false)
class OpenReferralCors implements WebMvcConfigurer {

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry
        .addMapping("/oruk/**")
        .allowedOrigins("*")
        .allowedMethods("GET", "HEAD")
        .allowCredentials(false)
        .maxAge(86_400);
  }
}

package dev.gatehouse.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, stated here rather than left to defaults: HttpOnly, SameSite=Lax, whole site,
 * {@code Secure} whenever the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfig {

  static final String COOKIE_NAME = "GATEHOUSE_SESSION";

  @Bean
  CookieSerializer cookieSerializer() {
    var serializer = new DefaultCookieSerializer();
    serializer.setCookieName(COOKIE_NAME);
    serializer.setCookiePath("/");
    serializer.setUseHttpOnlyCookie(true);
    serializer.setSameSite("Lax");
    return serializer;
  }
}

package io.ledgerline.connector.connection;

import io.ledgerline.platforms.http.PlatformHttp;
import io.ledgerline.platforms.oauth.TokenEndpoint;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one client every platform call of this service goes through (ADR 0007). */
@Configuration(proxyBeanMethods = false)
class PlatformCallsConfiguration {

  @Bean
  PlatformHttp platformHttp(PlatformApps apps, AccountSettings settings) {
    return PlatformHttp.builder(apps.allowedHosts()).timeout(settings.callTimeout()).build();
  }

  @Bean
  TokenEndpoint tokenEndpoint(PlatformHttp http, Clock clock) {
    return new TokenEndpoint(http, clock);
  }
}

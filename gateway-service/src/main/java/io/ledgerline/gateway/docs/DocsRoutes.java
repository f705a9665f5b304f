package io.ledgerline.gateway.docs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /api/docs}: Swagger UI (springdoc, settings in the gateway's configuration) over {@code
 * /api/docs/openapi.json}, the merged reference.
 */
@Configuration(proxyBeanMethods = false)
class DocsRoutes {

  @Bean
  RouterFunction<ServerResponse> apiReferenceRoute(ApiReference reference) {
    return RouterFunctions.route()
        .GET(
            "/api/docs/openapi.json",
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(reference.document()))
        .build();
  }
}

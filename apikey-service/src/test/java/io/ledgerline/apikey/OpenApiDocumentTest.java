package io.ledgerline.apikey;

import io.ledgerline.platform.test.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/api/apikey-service.json is what the service serves (docs/api/README.md). */
class OpenApiDocumentTest extends ApikeyIntegrationTestBase {

  @LocalServerPort int port;

  @Test
  void theCheckedInOpenApiDocumentMatchesTheCode() {
    OpenApiDocuments.assertUpToDate("apikey-service", port);
  }
}

package io.ledgerline.ingest.webhook;

import io.ledgerline.platform.test.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** docs/api/webhook-ingest-service.json is what the service serves (docs/api/README.md). */
class OpenApiDocumentTest extends IngestIntegrationTest {

  @Test
  void theCheckedInOpenApiDocumentMatchesTheCode() {
    OpenApiDocuments.assertUpToDate("webhook-ingest-service", port);
  }
}

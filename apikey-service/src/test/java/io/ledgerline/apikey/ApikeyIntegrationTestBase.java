package io.ledgerline.apikey;

import io.ledgerline.platform.test.LedgerlineIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The secrets every apikey-service test context needs, declared once so every test class shares one
 * context (one outbox relay on the shared database).
 */
@LedgerlineIntegrationTest
public abstract class ApikeyIntegrationTestBase {

  protected static final String ADMIN_SECRET = "admin-secret-for-tests-only";
  protected static final String INGEST_SECRET = "ingest-secret-for-tests-only";
  protected static final String GATEWAY_SECRET = "gateway-secret-for-tests-only";

  @DynamicPropertySource
  static void secrets(DynamicPropertyRegistry registry) {
    registry.add("LEDGERLINE_APIKEY_PEPPER", () -> "a-test-pepper-that-is-long-enough-1234");
    registry.add("LEDGERLINE_APIKEY_KEK", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    registry.add("LEDGERLINE_ADMIN_CLIENT_SECRET", () -> ADMIN_SECRET);
    registry.add("LEDGERLINE_INGEST_CLIENT_SECRET", () -> INGEST_SECRET);
    registry.add("LEDGERLINE_GATEWAY_CLIENT_SECRET", () -> GATEWAY_SECRET);
  }
}

package io.ledgerline.connector.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionPlatformTest {

  @Test
  void knowsTheNinePlatformIdsOfTheArchitecture() {
    assertThat(ConnectionPlatform.values())
        .extracting(ConnectionPlatform::id)
        .containsExactly(
            "hubspot",
            "salesforce",
            "pipedrive",
            "zoho",
            "square",
            "shopify",
            "lightspeed",
            "clover",
            "standard-webhooks");
  }
}

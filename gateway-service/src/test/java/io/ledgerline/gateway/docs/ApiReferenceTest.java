package io.ledgerline.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiReferenceTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void mergesTheServicesPublicPathsAndComponentsAndLeavesInternalOnesOut() {
    var invoices =
        JSON.readTree(
            """
            {"info": {"title": "invoice-service", "description": "problems ..."},
             "paths": {"/api/v1/invoices": {"get": {"x-required-scope": "invoices:read"}},
                       "/internal/x": {"get": {}}},
             "components": {"schemas": {"Problem": {"type": "object"}, "Invoice": {"type": "object"}}}}
            """);
    var keys =
        JSON.readTree(
            """
            {"info": {"title": "apikey-service"},
             "paths": {"/oauth2/token": {"post": {}}, "/internal/api-keys/exchange": {"post": {}},
                       "/admin/tenants": {"post": {}}},
             "components": {"schemas": {"Problem": {"type": "object"}}}}
            """);

    var merged = new ApiReference(List.of(invoices, keys)).merge(List.of(invoices, keys));

    assertThat(merged.get("paths").propertyNames())
        .containsExactlyInAnyOrder("/api/v1/invoices", "/oauth2/token", "/admin/tenants");
    assertThat(merged.at("/paths/~1api~1v1~1invoices/get/x-required-scope").asString())
        .isEqualTo("invoices:read");
    assertThat(merged.at("/paths/~1oauth2~1token/post/x-service/0").asString())
        .isEqualTo("apikey-service");
    assertThat(merged.get("components").get("schemas").propertyNames())
        .containsExactlyInAnyOrder("Problem", "Invoice");
    assertThat(merged.at("/info/description").asString()).isEqualTo("problems ...");
  }
}

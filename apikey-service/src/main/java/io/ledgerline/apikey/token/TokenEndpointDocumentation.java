package io.ledgerline.apikey.token;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The authorization server's endpoints are filters, not controllers, so springdoc cannot see them:
 * described here, as a tenant's app uses them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenEndpointDocumentation implements OpenApiCustomizer {

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
    openApi
        .getComponents()
        .addSecuritySchemes(
            "clientBasic",
            new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description("the OAuth2 client's id and secret"));
    var form =
        new ObjectSchema()
            .addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")))
            .addProperty(
                "scope",
                new StringSchema().description("space separated; default: all of the client's"));
    form.setRequired(List.of("grant_type"));
    var token =
        new ObjectSchema()
            .addProperty("access_token", new StringSchema().description("a JWT"))
            .addProperty("token_type", new StringSchema()._enum(List.of("Bearer")))
            .addProperty("expires_in", new IntegerSchema())
            .addProperty("scope", new StringSchema());
    var error =
        new ObjectSchema()
            .addProperty(
                "error",
                new StringSchema()
                    ._enum(
                        List.of(
                            "invalid_client",
                            "invalid_request",
                            "invalid_scope",
                            "unsupported_grant_type")))
            .addProperty("error_description", new StringSchema());
    var tokenOperation =
        new Operation()
            .operationId("token")
            .tags(List.of("oauth2"))
            .summary("A token for an OAuth2 client (client credentials, RFC 6749)")
            .security(List.of(new SecurityRequirement().addList("clientBasic")))
            .requestBody(
                new RequestBody()
                    .required(true)
                    .content(
                        new Content()
                            .addMediaType(
                                "application/x-www-form-urlencoded", new MediaType().schema(form))))
            .responses(
                new ApiResponses()
                    .addApiResponse("200", json("the token", token))
                    .addApiResponse("400", json("RFC 6749 error (not a problem detail)", error))
                    .addApiResponse("401", json("invalid_client", error)));
    var jwksOperation =
        new Operation()
            .operationId("jwks")
            .tags(List.of("oauth2"))
            .summary("The public keys that sign the platform's JWTs (current and previous)")
            .security(List.of(new SecurityRequirement()))
            .responses(
                new ApiResponses()
                    .addApiResponse(
                        "200",
                        json(
                            "a JWK set",
                            new ObjectSchema()
                                .addProperty(
                                    "keys",
                                    new io.swagger.v3.oas.models.media.ArraySchema()
                                        .items(new ObjectSchema())))));
    openApi.path("/oauth2/token", new PathItem().post(tokenOperation));
    openApi.path("/oauth2/jwks", new PathItem().get(jwksOperation));
  }

  private static ApiResponse json(String description, Schema<?> schema) {
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType("application/json", new MediaType().schema(schema)));
  }
}

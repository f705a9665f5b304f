package io.ledgerline.platform.service.openapi;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service's OpenAPI document describes the platform ({@code ledgerline.openapi.*}, shared in
 * deploy/config-repo/application.yml).
 *
 * @param scopes every scope a token can carry, with what it allows: an operation's scope is found
 *     by asking the service's own security rules which of these lets a request through
 * @param problemTypes the platform's problem kinds ({@code https://ledgerline.io/problems/<kind>})
 *     with what they mean
 */
@ConfigurationProperties("ledgerline.openapi")
public record OpenApiSettings(
    @DefaultValue Map<String, String> scopes, @DefaultValue Map<String, String> problemTypes) {}

package io.ledgerline.gateway.edge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway enforces on every request ({@code ledgerline.gateway.edge.*}).
 *
 * @param consoleOrigins origins allowed by CORS (the tenants' console), e.g. {@code
 *     https://console.ledgerline.io}; empty: no cross-origin calls
 * @param maxBodySize the body limit of a path without a rule of its own
 * @param bodyLimits per path pattern (first match wins)
 */
@Validated
@ConfigurationProperties("ledgerline.gateway.edge")
public record EdgeSettings(
    @DefaultValue List<String> consoleOrigins,
    @DefaultValue("1MB") @NotNull DataSize maxBodySize,
    @DefaultValue List<@Valid BodyLimit> bodyLimits) {

  public record BodyLimit(@NotBlank String path, @NotNull DataSize maxSize) {}
}

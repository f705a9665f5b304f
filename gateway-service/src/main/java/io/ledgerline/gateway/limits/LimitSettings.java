package io.ledgerline.gateway.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits that do not come from a plan, and how buckets are shared ({@code
 * ledgerline.gateway.rate-limits.*}).
 *
 * @param enabled off only for a benchmark of the bare gateway
 * @param webhookConnection per webhook connection id, before webhook-ingest sees the flood
 * @param sourceAddress per client address on routes without a tenant (webhooks, the token endpoint)
 * @param syncTokens a replica consumes up to this many tokens of a bucket locally before it writes
 *     them to PostgreSQL (Bucket4j's delaying optimization): the price of consistency across
 *     replicas is at most this many extra requests per replica per bucket
 * @param syncInterval ... or after this long
 */
@Validated
@ConfigurationProperties("ledgerline.gateway.rate-limits")
record LimitSettings(
    @DefaultValue("true") boolean enabled,
    @Valid @NotNull PlanSettings.Limit webhookConnection,
    @Valid @NotNull PlanSettings.Limit sourceAddress,
    @DefaultValue("2") @Min(0) long syncTokens,
    @DefaultValue("100ms") @NotNull Duration syncInterval) {}

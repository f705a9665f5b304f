package io.ledgerline.platform.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Dead-letter settings ({@code ledgerline.dead-letters.*}).
 *
 * @param enabled whether this service indexes and serves its dead letters
 * @param metricsInterval how often the parked dead letters are counted for {@code
 *     ledgerline_dead_letters}
 * @param batchSize dead letters sent again per transaction when many are reprocessed at once
 */
@Validated
@ConfigurationProperties("ledgerline.dead-letters")
public record DeadLetterSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("30s") @NotNull Duration metricsInterval,
    @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {}

package io.ledgerline.platform.service.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings of a servlet service ({@code ledgerline.security.*}).
 *
 * @param publicPaths Ant-style paths open without a token (webhook-ingest: {@code /webhooks/**},
 *     which authenticates with the platform's own signature instead)
 */
@ConfigurationProperties("ledgerline.security")
public record SecuritySettings(@DefaultValue List<String> publicPaths) {}

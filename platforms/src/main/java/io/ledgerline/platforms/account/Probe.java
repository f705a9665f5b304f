package io.ledgerline.platforms.account;

/**
 * What a test call found, for people: e.g. {@code portal 123456 (Acme), 42 deals}.
 *
 * @param endpoint the path called, e.g. {@code GET /crm/v3/objects/deals?limit=1}
 */
public record Probe(String endpoint, String found) {}

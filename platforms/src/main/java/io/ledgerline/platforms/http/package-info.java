/**
 * How Ledgerline calls a platform's API (ADR 0007): {@link
 * io.ledgerline.platforms.http.PlatformHttp} sends a {@link
 * io.ledgerline.platforms.http.PlatformRequest} through the JDK {@code HttpClient} to an {@link
 * io.ledgerline.platforms.http.AllowedHosts allowed host} only, injects the access token ({@link
 * io.ledgerline.platforms.http.AccessTokens}, placed by {@link
 * io.ledgerline.platforms.http.TokenPlacement}) and asks for a fresh one once on a 401, spends the
 * connection's rate budget, honours {@code 429 Retry-After} and retries 5xx answers and timeouts
 * with jittered exponential backoff (Resilience4j). Plain Java, no Spring; neutral: no platform is
 * named here.
 */
package io.ledgerline.platforms.http;

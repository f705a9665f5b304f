/**
 * Neutral: what connecting an account asks of a platform's API ({@link
 * io.ledgerline.platforms.account.AccountApi}): who the account is, a cheap test call, revoking,
 * registering webhooks. Each platform implements it in its own package; every call goes through
 * {@link io.ledgerline.platforms.http.PlatformHttp}.
 */
package io.ledgerline.platforms.account;

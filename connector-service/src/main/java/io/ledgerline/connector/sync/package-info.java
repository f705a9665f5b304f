/**
 * Fetching what thin webhooks name and pulling what changed (issue 7): the sync-request consumer,
 * historical and incremental syncs with their cursors and leases, and the publication of the events
 * through this service's outbox. Platform-neutral: what each platform's API looks like is its
 * {@link io.ledgerline.platforms.api.PlatformApi} in the {@code platforms} module.
 */
@NullMarked
package io.ledgerline.connector.sync;

import org.jspecify.annotations.NullMarked;

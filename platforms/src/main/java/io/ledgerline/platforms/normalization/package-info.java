/**
 * Normalization: pure functions from a verified webhook body to the events it means. No Spring, no
 * database, no Kafka: webhook-ingest verifies, stores and deduplicates, then calls {@link
 * io.ledgerline.platforms.normalization.Normalizers#forPlatform(String)} and emits what comes back.
 *
 * <h2>API</h2>
 *
 * {@link io.ledgerline.platforms.normalization.WebhookNormalizer#normalize(WebhookContext, byte[])}
 * returns {@link io.ledgerline.platforms.normalization.Normalized}: the events ({@code SaleEvent}
 * for {@code pos.sales.v1}, {@code DealEvent} for {@code crm.deals.v1}, {@code SyncRequest} for
 * {@code integrations.sync-requests.v1}), the platform's own event id when the body carries one
 * (for dedup; Shopify and Standard Webhooks put theirs in a header), and a one-line summary. A body
 * that is malformed or not of the platform's shape throws {@link
 * io.ledgerline.platforms.normalization.NormalizationFailed} (400) and nothing else, for any bytes.
 * Every event returned is encodable with its Avro schema. The caller keys each event with {@code
 * Topics.sourceKey(tenantId, platform, externalId)}.
 *
 * <h2>Event ids</h2>
 *
 * The {@code i}th event of a webhook has id {@code UUID.nameUUIDFromBytes(webhookId + ":" + i)}:
 * normalizing the same stored webhook again (a retry after a crash) gives the same ids, which
 * consumers already deduplicate. A replay ({@link
 * io.ledgerline.platforms.normalization.WebhookContext#replay()}) is a deliberate second emission:
 * its ids are random and its events have {@code replay} set, so consumers do not drop it as seen,
 * and invoicing, idempotent on the source object, makes no second invoice.
 *
 * <h2>Per platform</h2>
 *
 * <ul>
 *   <li>shopify (full, topic from {@code X-Shopify-Topic}): {@code orders/paid} a completed sale;
 *       {@code orders/create} nothing, since an order is invoiced when it is paid; {@code
 *       refunds/create} a refunded sale of the refunded lines; other topics nothing.
 *   <li>square (full): a completed payment of an order and {@code order.*} a sync request for the
 *       order (fetched with all its tenders: one invoice per order); a completed payment naming no
 *       order a completed sale of one line; completed refunds a refunded sale of the order (else
 *       the payment); amounts from minor units.
 *   <li>pipedrive (full, v2): deal events a deal event (CREATED, UPDATED, WON when the status
 *       becomes won, LOST, DELETED).
 *   <li>lightspeed (full, form with a JSON {@code payload}): closed sales completed, voided sales
 *       voided, others nothing. API 1.0 sales name no currency: the connection's is used.
 *   <li>hubspot, salesforce, zoho, clover (thin): one sync request per named object.
 *   <li>standard-webhooks: nothing yet; the connection's mapping template will map them (a later
 *       issue).
 * </ul>
 */
@NullMarked
package io.ledgerline.platforms.normalization;

import org.jspecify.annotations.NullMarked;

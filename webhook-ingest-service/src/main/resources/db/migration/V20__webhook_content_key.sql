-- What a delivery's signed body identifies (issue 12): Shopify's webhook id and topic are headers outside the HMAC,
-- so a signed body can be re-posted under a new id and another topic. The normalizer names the thing the body is
-- (the order and its paid state, the refund, the void); the same thing is stored once per connection.
ALTER TABLE webhooks ADD COLUMN content_key text;
CREATE UNIQUE INDEX webhooks_content_key_unique ON webhooks (connection_id, content_key)
    WHERE content_key IS NOT NULL;

-- The trace context of the transaction that appended the row (W3C traceparent, e.g.
-- 00-<32 hex trace id>-<16 hex span id>-01), so that the relay publishes the event in the same trace as the
-- request or record that caused it. Null when nothing was being traced. Sent as the Kafka header `traceparent`.
-- Version 1.0.1 (not 1.1) leaves 1.x free for other outbox changes.
alter table outbox add column if not exists traceparent text;

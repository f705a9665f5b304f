-- Issue 7: fetching what thin webhooks name, historical and incremental pulls, mapping per connection.
-- (Numbered 10 so the connect work's migrations, V2 onwards, never collide with these.)

-- Sync requests this service has handled (the consumer's idempotency), with what handling did.
CREATE TABLE processed_sync_requests (
    event_id     text PRIMARY KEY,
    tenant_id    text        NOT NULL,
    outcome      text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- The newest version of each object a fetch read (the platform's own modification time): a sync request
-- for a change at or before it is already covered, so several events of one object make one fetch.
CREATE TABLE fetched_objects (
    connection_id uuid        NOT NULL,
    object_type   text        NOT NULL,
    external_id   text        NOT NULL,
    tenant_id     text        NOT NULL,
    version_at    timestamptz NOT NULL,
    fetched_at    timestamptz NOT NULL,
    PRIMARY KEY (connection_id, object_type, external_id)
);

-- Sync requests of a connection that cannot call its platform until it is re-authorized (or enabled):
-- kept here, resumed in order once it is ACTIVE again.
CREATE TABLE parked_sync_requests (
    event_id      text PRIMARY KEY,
    tenant_id     text        NOT NULL,
    connection_id uuid        NOT NULL,
    object_type   text        NOT NULL,
    external_id   text        NOT NULL,
    action        text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    webhook_id    text,
    reason        text        NOT NULL,
    parked_at     timestamptz NOT NULL
);
CREATE INDEX parked_sync_requests_connection_idx ON parked_sync_requests (connection_id, parked_at);

-- Historical syncs a tenant asked for, and the incremental runs of the schedule.
CREATE TABLE syncs (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    connection_id uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('HISTORICAL', 'INCREMENTAL')),
    since         timestamptz,
    status        text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    fetched       integer     NOT NULL DEFAULT 0,
    published     integer     NOT NULL DEFAULT 0,
    skipped       integer     NOT NULL DEFAULT 0,
    failed        integer     NOT NULL DEFAULT 0,
    pages         integer     NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX syncs_connection_idx ON syncs (tenant_id, connection_id, created_at DESC);
CREATE INDEX syncs_open_idx ON syncs (status, created_at) WHERE status IN ('QUEUED', 'RUNNING');

-- Where each object type of a sync is: the cursor is written in the transaction of each page's outbox rows.
CREATE TABLE sync_cursors (
    sync_id     uuid    NOT NULL REFERENCES syncs (id) ON DELETE CASCADE,
    object_type text    NOT NULL,
    cursor      text    NOT NULL,
    done        boolean NOT NULL DEFAULT false,
    PRIMARY KEY (sync_id, object_type)
);

-- The incremental schedule per connection and object type: where the next run starts and when it is due.
CREATE TABLE sync_streams (
    connection_id uuid        NOT NULL,
    object_type   text        NOT NULL,
    tenant_id     text        NOT NULL,
    cursor        text        NOT NULL,
    interval_secs integer     NOT NULL,
    next_run_at   timestamptz NOT NULL,
    last_run_at   timestamptz,
    PRIMARY KEY (connection_id, object_type)
);

-- One holder per connection at a time across replicas: whoever holds an unexpired lease runs its syncs.
CREATE TABLE connection_leases (
    connection_id uuid PRIMARY KEY,
    holder        text        NOT NULL,
    expires_at    timestamptz NOT NULL
);

-- Per-connection mapping: won stages, buyer properties, default tax rate, the JSONata template.
CREATE TABLE connection_mappings (
    connection_id uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    mapping       jsonb       NOT NULL,
    sync_interval_secs integer,
    updated_at    timestamptz NOT NULL
);

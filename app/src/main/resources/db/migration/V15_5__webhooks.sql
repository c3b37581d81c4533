-- Webhook endpoints (written in the command's transaction by the webhook-endpoints processor) and their deliveries
-- (one row per endpoint and event, written by the webhook-deliveries processor; the sender claims and updates them).
-- tenant_id null: a platform endpoint, which receives the matching events of every tenant. The signing secrets are
-- sealed (AES-GCM under a key derived from the privacy secret, the endpoint id as associated data).
create table webhook_endpoint (
    endpoint_id          varchar(64)   not null primary key,
    tenant_id            varchar(64),
    url                  varchar(2048) not null,
    event_types          text          not null,
    description          varchar(500),
    enabled              boolean       not null,
    disabled_reason      varchar(16),
    tenant_live          boolean       not null default true,
    secret               bytea         not null,
    previous_secret      bytea,
    previous_valid_until timestamptz,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    -- the first failed attempt since the last successful one: the endpoint is disabled once it is old enough
    failing_since        timestamptz
);

create index webhook_endpoint_tenant_idx on webhook_endpoint (tenant_id);

-- id: the webhook-id (msg_...), derived from endpoint, event and type, so every attempt and replay keeps it.
-- next_attempt_at: when the row is due; a claim moves it a lease ahead, so a sender that dies mid-delivery leaves
-- the row due again once the lease has passed. seq: the order of the delivery list (its cursor).
create table webhook_delivery (
    id                 varchar(64)  not null primary key,
    seq                bigserial    not null,
    endpoint_id        varchar(64)  not null references webhook_endpoint (endpoint_id) on delete cascade,
    event_id           varchar(64)  not null,
    event_type         varchar(200) not null,
    event_position     bigint       not null,
    body               bytea        not null,
    status             varchar(16)  not null,
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    give_up_at         timestamptz  not null,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_latency_ms    bigint,
    last_error         varchar(500),
    created_at         timestamptz  not null
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint_idx on webhook_delivery (endpoint_id, seq);

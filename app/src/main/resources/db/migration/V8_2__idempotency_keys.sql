-- Idempotency-Key: a write's first answer, kept for tenantry.idempotency.ttl, so a retry with the same key and body
-- gets it again instead of running the write twice. A row is IN_PROGRESS while its first request runs (locked_until
-- bounds how long a crashed request can hold its key), DONE with the answer once it has one.
create table idempotency_key (
    caller          varchar(255) not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64)  not null,
    state           varchar(16)  not null,
    status          integer,
    headers         text,
    body            bytea,
    locked_until    timestamptz  not null,
    expires_at      timestamptz  not null,
    created_at      timestamptz  not null default now(),
    primary key (caller, idempotency_key)
);

create index idempotency_key_expiry on idempotency_key (expires_at);

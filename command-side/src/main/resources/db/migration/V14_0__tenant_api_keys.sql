-- Tenant API keys: the lookup by the SHA-256 of a request's key, written by the command side in the same transaction
-- as the tenant's events (subscribing processor tenant-api-keys), so a key works as soon as its creation answers and
-- stops as soon as its revocation does. last_used_at is written by whoever authenticates the key, at most once a minute.
create table tenant_api_key (
    key_id       varchar(64)  not null primary key,
    tenant_id    varchar(64)  not null,
    name         varchar(100) not null,
    shown        varchar(16)  not null,
    secret_hash  bytea        not null,
    scopes       text         not null,
    created_by   text         not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_by   text,
    revoked_at   timestamptz,
    tenant_live  boolean      not null default true,
    last_used_at timestamptz
);

create unique index tenant_api_key_hash_idx on tenant_api_key (secret_hash);
create index tenant_api_key_tenant_idx on tenant_api_key (tenant_id, created_at);

-- Signatures of provisioning webhooks already accepted, kept for the tolerance window: a replayed request (the same
-- signature) is refused. Written in the same transaction as the tenant's event, so a refused or failed call leaves
-- nothing behind.
create table provisioning_webhook_receipt (
    signature   varchar(128) not null primary key,
    tenant_id   varchar(255) not null,
    expires_at  timestamptz  not null
);

create index provisioning_webhook_receipt_expiry on provisioning_webhook_receipt (expires_at);

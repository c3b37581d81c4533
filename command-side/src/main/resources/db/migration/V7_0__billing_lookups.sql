-- Lookups the command side keeps in the same transaction as the subscription events (subscribing processors):

-- which Stripe customer and subscription a tenant's subscription is billed through: routes Stripe webhooks (by
-- customer) and reconciliation (by tenant) without waiting for a read model
create table billing_account (
    tenant_id              varchar(255) not null primary key,
    subscription_id        varchar(255) not null,
    stripe_customer_id     varchar(255),
    stripe_subscription_id varchar(255)
);

create unique index billing_account_customer on billing_account (stripe_customer_id);

-- Stripe events already applied: a webhook delivered twice is applied once
create table stripe_event_receipt (
    event_id    varchar(255) not null primary key,
    event_type  varchar(255) not null,
    received_at timestamptz  not null default now()
);

-- an index into the event store: where each plan change of a tenant sits (its subscription's stream and sequence
-- number) and when it took effect, so "which plan was in force at T" reads one event, however long the history
create table plan_change_index (
    tenant_id       varchar(255) not null,
    subscription_id varchar(255) not null,
    sequence_number bigint       not null,
    changed_at      timestamptz  not null,
    primary key (subscription_id, sequence_number)
);

create index plan_change_index_as_of on plan_change_index (tenant_id, changed_at desc, sequence_number desc);

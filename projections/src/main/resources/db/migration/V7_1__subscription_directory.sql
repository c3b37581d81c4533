-- The subscriptions and invoices read models (processing group subscription-directory).
create table subscription_directory (
    tenant_id              varchar(64)  not null primary key,
    subscription_id        varchar(128) not null,
    plan_id                varchar(64)  not null,
    status                 varchar(32)  not null,
    billing_mode           varchar(16)  not null,
    stripe_customer_id     varchar(255),
    stripe_subscription_id varchar(255),
    current_period_end     timestamptz,
    started_at             timestamptz  not null,
    canceled_at            timestamptz,
    updated_at             timestamptz  not null,
    version                bigint       not null
);

create table invoice_directory (
    invoice_id          varchar(255) not null primary key,
    tenant_id           varchar(64)  not null,
    number              varchar(255),
    amount_due          bigint       not null,
    amount_paid         bigint       not null,
    currency            varchar(16)  not null,
    period_start        timestamptz,
    period_end          timestamptz,
    status              varchar(16)  not null,
    hosted_invoice_url  varchar(2048),
    payment_failed      boolean      not null default false,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);

create index invoice_directory_tenant_idx on invoice_directory (tenant_id, created_at desc, invoice_id);

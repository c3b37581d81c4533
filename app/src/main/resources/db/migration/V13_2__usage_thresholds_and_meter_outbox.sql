-- The usage thresholds already reported: one row per tenant, key, quota period and percent, inserted in the same
-- transaction as its UsageThresholdReachedEvent, so each threshold of a period is reported once.
create table usage_threshold (
    tenant_id    varchar(64) not null,
    key          varchar(64) not null,
    period       varchar(8)  not null,
    period_start date        not null,
    percent      int         not null,
    used         bigint      not null,
    quota        bigint      not null,
    reached_at   timestamptz not null,
    primary key (tenant_id, key, period, period_start, percent)
);

-- Usage records still to report to a Stripe billing meter, filled in the ingest's transaction and drained by the
-- meter reporter: a row is deleted once Stripe took it, or kept with failed_at and the reason when Stripe refused it.
create table usage_meter_outbox (
    id              bigserial    primary key,
    tenant_id       varchar(64)  not null,
    record_id       varchar(128) not null,
    event_name      varchar(100) not null,
    customer_id     varchar(255) not null,
    value           bigint       not null,
    occurred_at     timestamptz  not null,
    created_at      timestamptz  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    failed_at       timestamptz,
    unique (tenant_id, record_id)
);

create index usage_meter_outbox_due on usage_meter_outbox (next_attempt_at) where failed_at is null;

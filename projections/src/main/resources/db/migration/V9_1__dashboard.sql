-- Provisioning and deprovisioning failures (processing group provisioning-failures), for the dashboard: one row per
-- failure event, keyed by the event's id, so a redelivered or replayed event adds nothing.
create table provisioning_failure (
    event_id  varchar(255) not null primary key,
    tenant_id varchar(64)  not null,
    kind      varchar(16)  not null,
    reason    text,
    failed_at timestamptz  not null
);
create index provisioning_failure_recent_idx on provisioning_failure (failed_at desc, event_id);

-- The dashboard counts tenants by status, tier and plan in one pass: an index-only scan of this narrow index
-- instead of reading every wide row.
create index tenant_directory_figures_idx on tenant_directory (status, tier, plan_id);

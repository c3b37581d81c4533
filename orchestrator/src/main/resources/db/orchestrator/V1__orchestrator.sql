-- The reference orchestrator's own tables (schema orchestrator) and the shared schema of pooled tenants (tenant_pool).

-- One row per request received (its context id names the attempt): a request delivered twice is acted on once.
create table orchestrator.requests (
    context_id    text        primary key,
    tenant_id     text        not null,
    type          smallint    not null check (type in (0, 1)),
    tier          text        not null,
    received_at   timestamptz not null default now(),
    -- what was decided (success or failure, with the reason's code); null until then
    outcome       text        check (outcome in ('success', 'failure')),
    reason        text,
    decided_at    timestamptz,
    -- when Tenantry's webhook took the answer, and the HTTP status it gave
    answered_at   timestamptz,
    answer_status integer
);
create index requests_tenant on orchestrator.requests (tenant_id, received_at);

-- What each tenant has: removal works from this record.
create table orchestrator.resources (
    tenant_id     text        primary key,
    tier          text        not null check (tier in ('POOLED', 'SILOED')),
    database_name text,
    role_name     text,
    created_at    timestamptz not null default now()
);

-- Pooled tenants share these tables; a row is visible only to a session that names its tenant
-- (set tenant_pool.tenant_id = '<id>'). Services add their own tables with the same policy. The tables' owner (the
-- orchestrator) is not bound by it: it adds and removes tenants.
create table tenant_pool.tenants (
    tenant_id  text        primary key,
    slug       text        not null,
    plan_id    text,
    created_at timestamptz not null default now()
);
alter table tenant_pool.tenants enable row level security;
create policy tenant_isolation on tenant_pool.tenants
    using (tenant_id = current_setting('tenant_pool.tenant_id', true))
    with check (tenant_id = current_setting('tenant_pool.tenant_id', true));

-- The role services use for pooled tenants: it logs in once the orchestrator has set its password
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'tenant_pool_app') then
        create role tenant_pool_app nologin;
    end if;
end
$$;
grant usage on schema tenant_pool to tenant_pool_app;
grant select, insert, update, delete on tenant_pool.tenants to tenant_pool_app;

-- The rest of a tenant's profile in the tenants read model, and what lists filter on.
alter table tenant_directory
    add column address    jsonb,
    add column industry   varchar(255),
    add column settings   jsonb not null default '{}'::jsonb,
    add column lead_id    varchar(64),
    add column plan_id    varchar(64),
    add column deleted_at timestamptz;

create index tenant_directory_status_idx on tenant_directory (status);
create index tenant_directory_created_idx on tenant_directory (created_at desc, id);
create index tenant_directory_created_by_idx on tenant_directory (created_by);

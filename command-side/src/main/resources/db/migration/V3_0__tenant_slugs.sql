-- Slugs of live tenants: the uniqueness lookup the command side writes in the same transaction as the tenant's
-- events (subscribing processor tenant-slugs). A deleted tenant's row is removed, which frees its slug.
create table tenant_slug (
    slug      varchar(63) not null primary key,
    tenant_id varchar(64) not null
);

create unique index tenant_slug_tenant_idx on tenant_slug (tenant_id);

-- The tenants' entitlement overrides that hold now (processing group tenant-directory): the plans' entitlements come
-- from the catalogue, so the effective set of a tenant is its plan's, each key replaced by its row here.
create table tenant_entitlement_override (
    tenant_id  varchar(64)  not null,
    key        varchar(64)  not null,
    kind       varchar(16)  not null,
    value      bigint       not null,
    reason     varchar(500) not null,
    set_by     varchar(255),
    set_at     timestamptz  not null,
    expires_at timestamptz,
    version    bigint       not null,
    primary key (tenant_id, key)
);

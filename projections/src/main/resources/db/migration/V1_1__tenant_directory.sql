-- The tenants read model, written only by the tenant-directory tracking processor.
create table tenant_directory (
    id          varchar(64)  not null primary key,
    name        varchar(255) not null,
    slug        varchar(63)  not null,
    tier        varchar(16)  not null,
    status      varchar(32)  not null,
    created_by  varchar(255),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);

create index tenant_directory_slug_idx on tenant_directory (slug);

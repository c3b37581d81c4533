-- Membership read models (processing group tenant-membership): who belongs to which tenant and team.
-- tenant_member's primary key answers the membership check (isIdentityInTenant) in one index lookup;
-- tenant_member_user_idx answers "tenants of a user".
create table tenant_member (
    tenant_id  varchar(64)  not null,
    user_id    varchar(255) not null,
    role       varchar(16)  not null,
    joined_at  timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null,
    primary key (tenant_id, user_id)
);
create index tenant_member_user_idx on tenant_member (user_id, tenant_id);

create table tenant_team (
    team_id     varchar(64)  not null primary key,
    tenant_id   varchar(64)  not null,
    name        varchar(100) not null,
    description varchar(500),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index tenant_team_tenant_idx on tenant_team (tenant_id, name);

create table tenant_team_member (
    team_id    varchar(64)  not null references tenant_team (team_id) on delete cascade,
    user_id    varchar(255) not null,
    tenant_id  varchar(64)  not null,
    role       varchar(16)  not null,
    joined_at  timestamptz  not null,
    updated_at timestamptz  not null,
    version    bigint       not null,
    primary key (team_id, user_id)
);
create index tenant_team_member_user_idx on tenant_team_member (tenant_id, user_id);

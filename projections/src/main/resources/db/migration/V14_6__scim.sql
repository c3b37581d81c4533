-- SCIM provisioning (processing group tenant-membership, with the membership read models it reads beside).
-- A suspended membership (SCIM active: false) keeps its row and gives no access.
alter table tenant_member add column suspended boolean not null default false;

-- A tenant's SCIM users: the member each is (user_id: the placeholder scim:<scim_id> until bound to a person, then
-- the person's subject) and what SCIM keeps of it. user_name (an e-mail address), external_id and the names are
-- personal data: user_name_fingerprint finds a person's rows when they are erased.
create table scim_user (
    scim_id               varchar(64)  not null primary key,
    tenant_id             varchar(64)  not null,
    user_id               varchar(255) not null,
    user_name             varchar(320) not null,
    user_name_fingerprint varchar(64),
    external_id           varchar(256),
    display_name          varchar(256),
    given_name            varchar(256),
    family_name           varchar(256),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null
);
create index scim_user_tenant_idx on scim_user (tenant_id, created_at, scim_id);
create index scim_user_member_idx on scim_user (tenant_id, user_id);
create index scim_user_name_idx on scim_user (tenant_id, lower(user_name));
create index scim_user_fingerprint_idx on scim_user (user_name_fingerprint);

-- Every team as a SCIM group: when it, or who is in it, last changed (meta.lastModified, meta.version); its name and
-- members are tenant_team's and tenant_team_member's.
create table scim_group (
    team_id    varchar(64) not null primary key,
    tenant_id  varchar(64) not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null
);
create index scim_group_tenant_idx on scim_group (tenant_id);

-- the teams there already: as they are now (a replay writes what their events say)
insert into scim_group (team_id, tenant_id, created_at, updated_at, version)
select t.team_id, t.tenant_id, t.created_at,
       greatest(t.updated_at, coalesce((select max(m.updated_at) from tenant_team_member m where m.team_id = t.team_id),
                                       t.updated_at)),
       greatest(t.version, coalesce((select max(m.version) from tenant_team_member m where m.team_id = t.team_id),
                                    t.version))
from tenant_team t;

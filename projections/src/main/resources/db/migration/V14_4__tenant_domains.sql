-- The domains read model (processing group tenant-domains): each tenant's e-mail domains, where each stands and who
-- may join by it; tenant_domain_joinable_idx answers "which tenants take members at this domain". Each row carries the
-- tenant version of the last event that changed it.
create table tenant_domain (
    tenant_id         varchar(64)  not null,
    domain            varchar(253) not null,
    status            varchar(16)  not null,
    challenge         varchar(100) not null,
    method            varchar(16),
    verified_at       timestamptz,
    unverified_reason varchar(32),
    join_policy       varchar(16)  not null,
    default_role      varchar(16)  not null,
    failures          integer      not null,
    added_by          varchar(255),
    added_at          timestamptz  not null,
    version           bigint       not null,
    primary key (tenant_id, domain)
);

create index tenant_domain_joinable_idx on tenant_domain (domain) where status = 'VERIFIED' and join_policy <> 'OFF';

-- Requests to join a tenant by e-mail domain. email is personal data: email_fingerprint finds a person's rows when
-- they are erased.
create table tenant_join_request (
    request_id        varchar(64)  not null primary key,
    tenant_id         varchar(64)  not null,
    user_id           varchar(255) not null,
    email             varchar(320) not null,
    email_fingerprint varchar(64),
    domain            varchar(253) not null,
    role              varchar(16)  not null,
    status            varchar(16)  not null,
    requested_at      timestamptz  not null,
    decided_at        timestamptz,
    decided_by        varchar(255),
    version           bigint       not null
);

create index tenant_join_request_pending_idx on tenant_join_request (tenant_id, requested_at, request_id)
    where status = 'PENDING';
create index tenant_join_request_user_idx on tenant_join_request (user_id, tenant_id) where status = 'PENDING';
create index tenant_join_request_fingerprint_idx on tenant_join_request (email_fingerprint);

-- The invitations read model (processing group invitation-directory): a tenant's open invitations and one invitation
-- by id. email is personal data: email_fingerprint finds a person's rows when they are erased.
create table invitation_directory (
    id                varchar(64)  not null primary key,
    tenant_id         varchar(64)  not null,
    email             varchar(320) not null,
    email_fingerprint varchar(64),
    role              varchar(16)  not null,
    invited_by        varchar(255),
    status            varchar(16)  not null,
    expires_at        timestamptz  not null,
    accepted_by       varchar(255),
    created_at        timestamptz  not null,
    closed_at         timestamptz,
    version           bigint       not null
);

create index invitation_directory_open_idx on invitation_directory (tenant_id, expires_at, id) where status = 'PENDING';
create index invitation_directory_fingerprint_idx on invitation_directory (email_fingerprint);

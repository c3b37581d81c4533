-- The leads read model (processing group lead-directory): the onboarding funnel and partner-admin lookups.
-- name, email and address are personal data: email_fingerprint finds a person's row when they are erased.
create table lead_directory (
    id                varchar(64)  not null primary key,
    name              varchar(255),
    email             varchar(320),
    company_name      varchar(255) not null,
    address           jsonb,
    status            varchar(16)  not null,
    tenant_id         varchar(64),
    email_fingerprint varchar(64),
    created_at        timestamptz  not null,
    verified_at       timestamptz,
    converted_at      timestamptz,
    updated_at        timestamptz  not null,
    version           bigint       not null
);

create index lead_directory_status_idx on lead_directory (status, created_at desc);
create index lead_directory_created_idx on lead_directory (created_at desc, id);
create index lead_directory_fingerprint_idx on lead_directory (email_fingerprint);

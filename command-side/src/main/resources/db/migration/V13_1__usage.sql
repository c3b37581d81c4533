-- Usage the tenants' services report: every record once (its id is the client's, unique per tenant), and a counter
-- per tenant, key and UTC day, so a quota's period (a day, a month) is the sum of at most 31 rows.
create table usage_record (
    tenant_id   varchar(64)  not null,
    record_id   varchar(128) not null,
    key         varchar(64)  not null,
    quantity    bigint       not null,
    occurred_at timestamptz  not null,
    received_at timestamptz  not null,
    primary key (tenant_id, record_id)
);

create table usage_counter (
    tenant_id varchar(64) not null,
    key       varchar(64) not null,
    day       date        not null,
    quantity  bigint      not null,
    primary key (tenant_id, key, day)
);

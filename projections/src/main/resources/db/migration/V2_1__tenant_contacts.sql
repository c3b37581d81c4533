-- Contacts of the tenants read model. Personal data: email_fingerprint (the keyed hash of the address) lets the
-- projection find a person's rows when they are erased; it is null once the address reads as the erasure marker.
create table tenant_contact (
    tenant_id         varchar(64)  not null references tenant_directory (id) on delete cascade,
    position          integer      not null,
    name              varchar(255) not null,
    email             varchar(320) not null,
    phone             varchar(64),
    is_primary        boolean      not null,
    email_fingerprint varchar(64),
    primary key (tenant_id, position)
);

create index tenant_contact_fingerprint_idx on tenant_contact (email_fingerprint);

-- A contact may be known by address only (seed 003 provisions a tenant with just an e-mail and a phone).
alter table tenant_contact alter column name drop not null;

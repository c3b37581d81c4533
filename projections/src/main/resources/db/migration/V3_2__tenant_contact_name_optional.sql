-- A contact may be known by address only: a partner's provisioning request may name just an e-mail and a phone.
alter table tenant_contact alter column name drop not null;

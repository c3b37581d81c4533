-- Verified e-mail domains and the tenant that holds each: the uniqueness lookup the command side writes in the same
-- transaction as the tenant's events (subscribing processor tenant-domain-claims). A domain's row is removed when its
-- tenant removes it, it stops verifying or the tenant is deleted, which frees it for another tenant.
create table tenant_domain_claim (
    domain    varchar(253) not null primary key,
    tenant_id varchar(64)  not null
);

create index tenant_domain_claim_tenant_idx on tenant_domain_claim (tenant_id);

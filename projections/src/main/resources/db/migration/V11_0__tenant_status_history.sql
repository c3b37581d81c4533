-- Tenants by status over time (processing group tenant-status-history), for the dashboard. Each status change moves
-- one tenant from its old status to its new one on the day it happened: tenant_status_day holds the net change per UTC
-- day and status, so the number of tenants in a status at the end of a day is the sum of its changes up to that day.
-- tenant_status_now remembers each tenant's status (and the version that set it) to know what a change moves it from.
create table tenant_status_now (
    tenant_id varchar(64) not null primary key,
    status    varchar(32) not null,
    version   bigint      not null
);

create table tenant_status_day (
    day     date        not null,
    status  varchar(32) not null,
    tenants bigint      not null,
    primary key (day, status)
);

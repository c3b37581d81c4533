-- Each tenant's audit log (processing group tenant-audit-log): one row per event that changed the tenant, with who
-- (and on whose behalf), what to what, when, in which request and from where, as the event's metadata recorded it.
-- position is the event's global index in the event store: the log's order and its cursor.
create table tenant_audit_log (
    event_id        varchar(64)  not null primary key,
    position        bigint       not null,
    tenant_id       varchar(64)  not null,
    occurred_at     timestamptz  not null,
    actor_id        varchar(200),
    actor_type      varchar(16)  not null,
    impersonator_id varchar(200),
    action          varchar(100) not null,
    target_type     varchar(40)  not null,
    target_id       varchar(320) not null,
    correlation_id  varchar(200),
    origin_ip       varchar(64),
    user_agent      varchar(256)
);

create index tenant_audit_log_tenant_idx on tenant_audit_log (tenant_id, position);
create index tenant_audit_log_actor_idx on tenant_audit_log (tenant_id, actor_id, position);
create index tenant_audit_log_action_idx on tenant_audit_log (tenant_id, action, position);

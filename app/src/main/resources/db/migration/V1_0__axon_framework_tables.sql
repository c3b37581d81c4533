-- Axon Framework's JPA tables: event store, snapshots, tracking tokens, sagas and dead letters.
-- Generated from Axon 4.13's entities with PostgresByteaDialect and META-INF/tenantry-orm.xml, so that
-- Hibernate's validation agrees with it. Two deliberate choices:
--  * every binary column is bytea, never oid: large objects would leak on each token update;
--  * domain_event_entry_seq increments by 1: the global index stays dense (no blocks of 50).
-- Migration versions are global across modules: V1_x is the walking skeleton.

create sequence domain_event_entry_seq start with 1 increment by 1;
create sequence association_value_entry_seq start with 1 increment by 50;

create table domain_event_entry (
    global_index         bigint       not null,
    sequence_number      bigint       not null,
    meta_data            bytea,
    payload              bytea        not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255),
    constraint domain_event_entry_pkey primary key (global_index),
    constraint domain_event_entry_event_identifier_key unique (event_identifier),
    constraint domain_event_entry_aggregate_sequence_key unique (aggregate_identifier, sequence_number)
);

create table snapshot_event_entry (
    sequence_number      bigint       not null,
    meta_data            bytea,
    payload              bytea        not null,
    aggregate_identifier varchar(255) not null,
    event_identifier     varchar(255) not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    type                 varchar(255) not null,
    constraint snapshot_event_entry_pkey primary key (sequence_number, aggregate_identifier, type),
    constraint snapshot_event_entry_event_identifier_key unique (event_identifier)
);

create table token_entry (
    segment        integer      not null,
    token          bytea,
    owner          varchar(255),
    processor_name varchar(255) not null,
    timestamp      varchar(255) not null,
    token_type     varchar(255),
    constraint token_entry_pkey primary key (segment, processor_name)
);

create table saga_entry (
    serialized_saga bytea,
    revision        varchar(255),
    saga_id         varchar(255) not null,
    saga_type       varchar(255),
    constraint saga_entry_pkey primary key (saga_id)
);

create table association_value_entry (
    id                bigint       not null,
    association_key   varchar(255) not null,
    association_value varchar(255),
    saga_id           varchar(255) not null,
    saga_type         varchar(255),
    constraint association_value_entry_pkey primary key (id)
);
create index association_value_entry_lookup_idx
    on association_value_entry (saga_type, association_key, association_value);
create index association_value_entry_saga_idx on association_value_entry (saga_id, saga_type);

create table dead_letter_entry (
    enqueued_at          timestamp(6) with time zone not null,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    sequence_index       bigint        not null,
    sequence_number      bigint,
    cause_message        varchar(1023),
    diagnostics          bytea,
    meta_data            bytea,
    payload              bytea         not null,
    token                bytea,
    aggregate_identifier varchar(255),
    cause_type           varchar(255),
    dead_letter_id       varchar(255)  not null,
    event_identifier     varchar(255)  not null,
    message_type         varchar(255)  not null,
    payload_revision     varchar(255),
    payload_type         varchar(255)  not null,
    processing_group     varchar(255)  not null,
    sequence_identifier  varchar(255)  not null,
    time_stamp           varchar(255)  not null,
    token_type           varchar(255),
    type                 varchar(255),
    constraint dead_letter_entry_pkey primary key (dead_letter_id),
    constraint dead_letter_entry_sequence_key unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group_idx on dead_letter_entry (processing_group);
create index dead_letter_entry_sequence_idx on dead_letter_entry (processing_group, sequence_identifier);

-- Crypto-shredding: one AES-256 key per data subject (a person, identified by the keyed hash of their e-mail).
-- wrapped_key is the key sealed (AES-GCM) with a key derived from tenantry.privacy.secret: a dump of this table
-- alone opens nothing. Erasing a person deletes their row; key ids are never reused.
create table privacy_subject_key (
    key_id      varchar(32)  not null primary key,
    subject_id  varchar(64)  not null,
    wrapped_key bytea        not null,
    created_at  timestamptz  not null
);

create unique index privacy_subject_key_subject_idx on privacy_subject_key (subject_id);

-- Who is known to a tenant by e-mail address: invitees with a pending invitation, and members who joined by one.
-- A lookup table, not a read model: InvitationRegistry keeps it in the same transaction as the invitation events
-- (a subscribing processor), so "an address already invited" and "an address already a member" are refused
-- consistently. Addresses are stored only as their keyed hash (SubjectFingerprints).
create table tenant_invitee (
    tenant_id         varchar(255) not null,
    email_fingerprint varchar(64)  not null,
    state             varchar(16)  not null check (state in ('PENDING', 'MEMBER')),
    invitation_id     varchar(255) not null,
    user_id           varchar(255),
    primary key (tenant_id, email_fingerprint)
);

create index tenant_invitee_invitation on tenant_invitee (invitation_id);
create index tenant_invitee_member on tenant_invitee (tenant_id, user_id);

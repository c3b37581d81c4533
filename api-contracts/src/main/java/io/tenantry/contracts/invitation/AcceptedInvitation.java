package io.tenantry.contracts.invitation;

import io.tenantry.contracts.tenant.MemberRole;

/** Who joined which tenant with which role by accepting an invitation. */
public record AcceptedInvitation(String invitationId, String tenantId, String userId, MemberRole role) {}

package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A member's role in a tenant changed. */
@Revision("1")
public record MemberRoleChangedEvent(String tenantId, String userId, MemberRole previousRole, MemberRole role) {}

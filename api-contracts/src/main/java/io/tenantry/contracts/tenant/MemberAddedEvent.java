package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A user became a member of a tenant with a role (a tenant's creator joins as OWNER when it is created). */
@Revision("1")
public record MemberAddedEvent(String tenantId, String userId, MemberRole role) {}

package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A user is no longer a member of a tenant (removed, or left when {@code left}); their teams lost them just before. */
@Revision("1")
public record MemberRemovedEvent(String tenantId, String userId, boolean left) {}

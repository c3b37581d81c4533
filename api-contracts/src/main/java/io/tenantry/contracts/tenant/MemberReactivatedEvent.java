package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** A suspended membership was reactivated: the member has its access again. */
@Revision("1")
public record MemberReactivatedEvent(String tenantId, String userId) {}

package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/**
 * A member's membership was suspended (its identity provider deactivated it over SCIM): it keeps its seat, role and
 * teams, but has no access to the tenant (no tenant token, no reads, no changes) until it is reactivated.
 */
@Revision("1")
public record MemberSuspendedEvent(String tenantId, String userId) {}

package io.tenantry.contracts.tenant;

import org.axonframework.serialization.Revision;

/** In one step, {@code toUserId} became an OWNER and {@code fromUserId} an ADMIN. */
@Revision("1")
public record OwnershipTransferredEvent(String tenantId, String fromUserId, String toUserId) {}

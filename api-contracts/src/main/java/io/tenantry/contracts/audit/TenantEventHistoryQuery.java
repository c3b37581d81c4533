package io.tenantry.contracts.audit;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;

/**
 * A page of one tenant's events, oldest first, straight from the event store: the tenant's own and those of the
 * aggregates tied to it (its subscription, its invitations, the lead it came from). Empty when the tenant is unknown.
 */
public record TenantEventHistoryQuery(
        String tenantId, @JsonUnwrapped PageRequest page) {}

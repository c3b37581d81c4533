package io.tenantry.contracts.tenant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;

/**
 * A page of tenants, newest first. Every filter is optional: {@code status}, {@code tier}, {@code planId}, and
 * {@code text} matched against name and slug. Deleted tenants are left out unless asked for by status or
 * {@code includeDeleted}. {@code visibleTo} limits the page to the tenants that user is a member of; {@code null}
 * means all.
 */
public record ListTenantsQuery(
        TenantStatus status,
        TenantTier tier,
        String planId,
        String text,
        boolean includeDeleted,
        String visibleTo,
        @JsonUnwrapped PageRequest page) {}

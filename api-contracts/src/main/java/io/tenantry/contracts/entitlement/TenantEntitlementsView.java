package io.tenantry.contracts.entitlement;

import java.util.List;

/** A tenant's effective entitlements: its plan, the features that are on, and every entitlement with its usage. */
public record TenantEntitlementsView(
        String tenantId, String planId, List<String> features, List<EntitlementState> entitlements) {}

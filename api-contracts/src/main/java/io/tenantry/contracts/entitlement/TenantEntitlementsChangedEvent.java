package io.tenantry.contracts.entitlement;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * What a tenant is entitled to changed (a plan change, or an override set, removed or expired): {@code entitlements}
 * is the whole effective set afterwards, {@code features} the features on, {@code cause} what changed it
 * ({@code plan-changed}, {@code override-set}, {@code override-removed}, {@code override-expired}).
 */
@Revision("1")
public record TenantEntitlementsChangedEvent(
        String tenantId, String planId, List<Entitlement> entitlements, List<String> features, String cause) {}

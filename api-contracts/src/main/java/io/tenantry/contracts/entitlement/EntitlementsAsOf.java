package io.tenantry.contracts.entitlement;

import java.time.Instant;
import java.util.List;

/**
 * What a tenant was entitled to at {@code asOf}, replayed from its events: the plan it was on and the overrides that
 * held then (each with who set it, why and until when), against the plan catalogue as configured now.
 */
public record EntitlementsAsOf(
        String tenantId, Instant asOf, String planId, List<String> features, List<EffectiveEntitlement> entitlements) {}

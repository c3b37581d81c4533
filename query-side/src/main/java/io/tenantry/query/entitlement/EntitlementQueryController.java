package io.tenantry.query.entitlement;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.entitlement.EntitlementState;
import io.tenantry.contracts.entitlement.TenantEntitlementsView;
import jakarta.validation.constraints.Positive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's entitlements, for its members, its tenant tokens and partner-admins. {@code GET …/entitlements/{key}} is
 * the check services make before an action; with {@code quantity} it answers whether that much more fits.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/entitlements")
class EntitlementQueryController {

    private final EntitlementChecks checks;

    EntitlementQueryController(EntitlementChecks checks) {
        this.checks = checks;
    }

    @Operation(summary = "List a tenant's effective entitlements with their usage")
    @GetMapping
    TenantEntitlementsView entitlements(@PathVariable String tenantId, Caller caller) {
        return checks.list(tenantId, caller);
    }

    @Operation(summary = "Check one of a tenant's entitlements (and whether a quantity more fits)")
    @GetMapping("/{key}")
    EntitlementState entitlement(
            @PathVariable String tenantId,
            @PathVariable String key,
            @RequestParam(required = false) @Positive Long quantity,
            Caller caller) {
        return checks.check(tenantId, key, quantity, caller);
    }
}

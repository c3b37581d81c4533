package io.tenantry.scim;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;

/**
 * Who calls the SCIM service: one of a tenant's API keys with the scope {@value Scim#KEY_SCOPE}, and the tenant is
 * always the key's own. Anyone else is refused (403; 401 without credentials), in SCIM's error format.
 */
public final class ScimCallers {

    private ScimCallers() {}

    /** The tenant the caller provisions: its key's. */
    public static String tenantOf(Caller caller) {
        if (caller == null || caller.userId() == null) {
            throw new DomainRefusal(
                    DomainRefusal.Kind.UNAUTHORIZED,
                    "unauthenticated",
                    "SCIM takes one of the tenant's API keys as a bearer token.");
        }
        if (!caller.isApiKey()) {
            throw DomainRefusal.forbidden(
                    "api_key_required",
                    "SCIM is called with one of the tenant's API keys (scope " + Scim.KEY_SCOPE + "), not a user's"
                            + " token.");
        }
        if (!caller.hasPermission(Scim.KEY_SCOPE)) {
            throw DomainRefusal.forbidden("insufficient_scope", "This API key lacks the scope " + Scim.KEY_SCOPE + ".");
        }
        return caller.keyTenantId();
    }
}

package io.tenantry.command.tenant;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.tenant.MemberRole;

import java.util.HashMap;
import java.util.Map;

/**
 * Who belongs to a tenant and with which role, as the Tenant aggregate decides with it. A caller who is not a member
 * learns nothing of the tenant (404); a member without the right role is refused (403); partner-admins may act.
 */
final class TenantMembers {

    private final Map<String, MemberRole> roles = new HashMap<>();

    void add(String userId, MemberRole role) {
        roles.put(userId, role);
    }

    MemberRole roleOf(String userId) {
        return roles.get(userId);
    }

    /** OWNER, ADMIN or partner-admin. */
    void requireManager(Caller caller, String tenantId) {
        require(caller, tenantId, MemberRole.OWNER, MemberRole.ADMIN);
    }

    /** OWNER or partner-admin. */
    void requireOwner(Caller caller, String tenantId) {
        require(caller, tenantId, MemberRole.OWNER);
    }

    private void require(Caller caller, String tenantId, MemberRole... allowed) {
        if (caller == null) {
            throw DomainRefusal.forbidden("caller_required", "This change needs to know who asks for it.");
        }
        if (caller.isPartnerAdmin()) {
            return;
        }
        MemberRole role = roles.get(caller.userId());
        if (role == null) {
            throw TenantRefusals.notFound(tenantId);
        }
        for (MemberRole permitted : allowed) {
            if (permitted == role) {
                return;
            }
        }
        throw DomainRefusal.forbidden("insufficient_role",
                "Your role in this tenant (" + role + ") does not allow this; it takes " + java.util.Arrays.toString(allowed) + ".");
    }
}

package io.tenantry.contracts.domains;

import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.serialization.Revision;

/**
 * What people with a verified e-mail address at the domain may do while it is verified ({@code policy}), and the role
 * they get ({@code defaultRole}: MEMBER or ADMIN, never OWNER).
 */
@Revision("1")
public record TenantDomainJoinPolicySetEvent(
        String tenantId, String domain, JoinPolicy policy, MemberRole defaultRole, String setBy) {}

package io.tenantry.contracts.domains;

import io.tenantry.contracts.Caller;
import io.tenantry.contracts.tenant.MemberRole;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An OWNER or ADMIN (or a partner-admin) says what people at the domain may do ({@code policy}) and the role they get
 * ({@code defaultRole}, MEMBER when not given; never OWNER). Answers the {@link TenantDomainView}.
 */
public record SetDomainJoinPolicyCommand(
        @TargetAggregateIdentifier String tenantId,
        Caller caller,
        String domain,
        JoinPolicy policy,
        MemberRole defaultRole) {}

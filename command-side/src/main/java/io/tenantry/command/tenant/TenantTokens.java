package io.tenantry.command.tenant;

import static io.tenantry.contracts.tenant.TenantStatus.DELETED;
import static io.tenantry.contracts.tenant.TenantStatus.SUSPENDED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.entitlement.Entitlements;
import io.tenantry.contracts.plan.PlanCatalogue;
import io.tenantry.contracts.tenant.GrantTenantTokenCommand;
import io.tenantry.contracts.tenant.MemberRole;
import io.tenantry.contracts.tenant.TenantImpersonationGrantedEvent;
import io.tenantry.contracts.tenant.TenantTokenGrant;
import io.tenantry.contracts.tenant.TenantTokenGrant.TeamGrant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;

/**
 * Tenant tokens, as an entity of the Tenant aggregate: what a token for a member acting in the tenant may say, decided
 * on the tenant's own membership, so a member removed or a tenant suspended gets no token once that change is
 * acknowledged. A partner admin acting as a member (impersonation) is recorded with its reason, unless the tenant's
 * setting {@value #IMPERSONATION_SETTING} is {@value #FORBIDDEN}. A suspended member gets none. A subject's own
 * exchange with a verified e-mail address first binds the member the tenant's identity provider provisioned with that
 * address (see {@link TenantScim}).
 */
class TenantTokens {

    static final String IMPERSONATION_SETTING = "impersonation";
    static final String FORBIDDEN = "forbidden";

    private final Tenant tenant;
    private final Roster roster;
    private final TenantScim scim;

    TenantTokens(Tenant tenant, Roster roster, TenantScim scim) {
        this.tenant = tenant;
        this.roster = roster;
        this.scim = scim;
    }

    @CommandHandler
    TenantTokenGrant handle(GrantTenantTokenCommand command, PlanCatalogue plans) {
        if (roster.status() == DELETED || roster.status() == SUSPENDED) {
            throw DomainRefusal.conflict(
                    "tenant_not_active", "Tenant " + roster.tenantId() + " is " + roster.status() + ".");
        }
        if (command.actor() == null) {
            // the subject's own sign-in binds the member provisioned with its verified address, the first time
            scim.bindOnSignIn(command.subject(), command.verifiedEmail());
        }
        Seat<MemberRole> seat = roster.member(command.subject());
        if (seat == null) {
            throw DomainRefusal.forbidden(
                    "not_a_member", command.subject() + " is not a member of tenant " + roster.tenantId() + ".");
        }
        if (seat.suspended) {
            throw DomainRefusal.forbidden(
                    "member_suspended",
                    command.subject() + "'s membership of tenant " + roster.tenantId() + " is suspended.");
        }
        if (command.actor() != null) {
            if (command.reason() == null || command.reason().isBlank()) {
                throw DomainRefusal.invalid("reason_required", "Acting as a member takes a reason.");
            }
            if (FORBIDDEN.equalsIgnoreCase(tenant.profile().settings().get(IMPERSONATION_SETTING))) {
                throw DomainRefusal.forbidden(
                        "impersonation_forbidden", "Tenant " + roster.tenantId() + " forbids acting as its members.");
            }
            apply(new TenantImpersonationGrantedEvent(
                    roster.tenantId(), command.actor(), command.subject(), command.reason(), command.expiresAt()));
        }
        List<TeamGrant> teams = roster.teamsOf(command.subject()).stream()
                .map(teamId -> new TeamGrant(teamId, roster.team(teamId).members.get(command.subject()).role))
                .toList();
        return new TenantTokenGrant(
                roster.tenantId(),
                tenant.profile().slug(),
                tenant.tier(),
                roster.status(),
                seat.role,
                teams,
                roster.planId(),
                Entitlements.features(roster.entitlements(plans.planOrDefault(roster.planId()), Roster.now())));
    }
}

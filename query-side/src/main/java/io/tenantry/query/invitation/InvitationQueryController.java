package io.tenantry.query.invitation;

import io.swagger.v3.oas.annotations.Operation;
import io.tenantry.contracts.Caller;
import io.tenantry.contracts.DomainRefusal;
import io.tenantry.contracts.PageRequest;
import io.tenantry.contracts.invitation.InvitationQueries.FindInvitationQuery;
import io.tenantry.contracts.invitation.InvitationQueries.InvitationPage;
import io.tenantry.contracts.invitation.InvitationQueries.ListTenantInvitationsQuery;
import io.tenantry.contracts.invitation.InvitationStatus;
import io.tenantry.contracts.invitation.InvitationView;
import io.tenantry.contracts.privacy.Erasure;
import io.tenantry.query.tenant.TenantReadAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open invitations ({@code getInvitations} and {@code getInvitation}): only pending and unexpired ones
 * are found. A tenant's list is for its OWNERs and ADMINs; one invitation also for the invitee, known by the verified
 * e-mail of their token. Anyone else gets 404, as for an unknown id.
 */
@RestController
@RequestMapping("/api")
class InvitationQueryController {

    private final QueryGateway queries;
    private final TenantReadAccess access;

    InvitationQueryController(QueryGateway queries, TenantReadAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Operation(summary = "List a tenant's pending invitations")
    @GetMapping("/tenants/{tenantId}/invitations")
    InvitationPage list(
            @PathVariable String tenantId,
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        access.requireManager(caller, tenantId);
        return queries.query(
                        new ListTenantInvitationsQuery(tenantId, Instant.now(), new PageRequest(offset, limit)),
                        InvitationPage.class)
                .join();
    }

    @Operation(summary = "Read an invitation")
    @GetMapping("/invitations/{invitationId}")
    InvitationView find(@PathVariable String invitationId, Caller caller) {
        return queries.query(
                        new FindInvitationQuery(invitationId), ResponseTypes.optionalInstanceOf(InvitationView.class))
                .join()
                .filter(invitation -> invitation.status() == InvitationStatus.PENDING
                        && invitation.expiresAt().isAfter(Instant.now()))
                .filter(invitation -> isInvitee(caller, invitation) || access.isManager(caller, invitation.tenantId()))
                .orElseThrow(() -> DomainRefusal.notFound(
                        "invitation_not_found", "No open invitation with id " + invitationId + "."));
    }

    private static boolean isInvitee(Caller caller, InvitationView invitation) {
        return caller.verifiedEmail() != null
                && !Erasure.MARKER.equals(invitation.email())
                && Erasure.normaliseEmail(caller.verifiedEmail()).equals(Erasure.normaliseEmail(invitation.email()));
    }
}

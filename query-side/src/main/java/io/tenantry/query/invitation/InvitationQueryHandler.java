package io.tenantry.query.invitation;

import io.tenantry.contracts.invitation.InvitationQueries.FindInvitationQuery;
import io.tenantry.contracts.invitation.InvitationQueries.InvitationPage;
import io.tenantry.contracts.invitation.InvitationQueries.ListTenantInvitationsQuery;
import io.tenantry.contracts.invitation.InvitationView;
import io.tenantry.projections.invitation.InvitationDirectory;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers invitation queries from the invitations read model. */
@Component
class InvitationQueryHandler {

    private final InvitationDirectory directory;

    InvitationQueryHandler(InvitationDirectory directory) {
        this.directory = directory;
    }

    @QueryHandler
    Optional<InvitationView> handle(FindInvitationQuery query) {
        return directory.find(query.invitationId());
    }

    @QueryHandler
    InvitationPage handle(ListTenantInvitationsQuery query) {
        return directory.open(query.tenantId(), query.now(), query.offset(), query.limit());
    }
}

package io.tenantry.contracts.invitation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tenantry.contracts.PageRequest;
import java.time.Instant;
import java.util.List;

/** Queries on the invitations read model. */
public final class InvitationQueries {

    private InvitationQueries() {}

    /** One invitation, whatever its status; an empty {@code Optional<InvitationView>} when unknown. */
    public record FindInvitationQuery(String invitationId) {}

    /**
     * A tenant's pending invitations not expired at {@code now}, soonest to expire first; an {@link InvitationPage}.
     */
    public record ListTenantInvitationsQuery(
            String tenantId, Instant now, @JsonUnwrapped PageRequest page) {}

    public record InvitationPage(List<InvitationView> items, long total, int offset, int limit) {
        public InvitationPage {
            items = List.copyOf(items);
        }
    }
}

package io.tenantry.contracts.invitation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * To the invitation: accept it for {@code userId} if it is pending, unexpired at {@code now}, the token hash is its
 * own and {@code verifiedEmail} (when there is one) is the invited address. Answers a {@link Redemption}.
 */
public record RedeemInvitationCommand(
        @TargetAggregateIdentifier String invitationId,
        String tokenHash,
        String userId,
        String verifiedEmail,
        Instant now) {

    @Override
    public String toString() {
        return "RedeemInvitationCommand[invitationId=" + invitationId + ", userId=" + userId + "]";
    }

    /** The accepted invitation; {@code repeated} when this user had already accepted it (nothing changed). */
    public record Redemption(AcceptedInvitation accepted, boolean repeated) {}
}

package io.tenantry.contracts.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** To the tenant: the user who accepted this invitation takes the seat held for it. Answers its MemberView. */
public record AdmitInviteeCommand(@TargetAggregateIdentifier String tenantId, String invitationId, String userId) {}

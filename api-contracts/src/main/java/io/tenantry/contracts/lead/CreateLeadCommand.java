package io.tenantry.contracts.lead;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a lead; the caller generated the verification code, mails it, and gives only its hash here. */
public record CreateLeadCommand(
        @TargetAggregateIdentifier String leadId,
        String name,
        String email,
        String companyName,
        LeadAddress address,
        String codeHash,
        Instant codeExpiresAt) {

    @Override
    public String toString() {
        return "CreateLeadCommand[leadId=" + leadId + ", ***]";
    }
}

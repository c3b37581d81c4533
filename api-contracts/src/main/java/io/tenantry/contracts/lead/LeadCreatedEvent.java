package io.tenantry.contracts.lead;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A prospective customer registered. Only the hash of the verification code is kept (the code itself went out by
 * e-mail); it expires at {@code codeExpiresAt}.
 */
@Revision("1")
public record LeadCreatedEvent(
        String leadId,
        @PersonalData String name,
        @DataSubject String email,
        String companyName,
        @PersonalData LeadAddress address,
        String codeHash,
        Instant codeExpiresAt) {

    @Override
    public String toString() {
        return "LeadCreatedEvent[leadId=" + leadId + ", ***]";
    }
}

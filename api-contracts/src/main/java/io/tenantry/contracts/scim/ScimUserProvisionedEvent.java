package io.tenantry.contracts.scim;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/**
 * The tenant's identity provider provisioned a user over SCIM: the member {@code userId} (a placeholder until a
 * person signs in with the address, see {@link ProvisionedMembers}) joined with its MEMBER seat in the same step
 * ({@code MemberAddedEvent}). {@code scimId} is the user's SCIM id for good; the address and names are personal data.
 */
@Revision("1")
public record ScimUserProvisionedEvent(
        String tenantId,
        String scimId,
        String userId,
        @DataSubject String userName,
        @PersonalData String externalId,
        @PersonalData String displayName,
        @PersonalData String givenName,
        @PersonalData String familyName) {

    @Override
    public String toString() {
        return "ScimUserProvisionedEvent[tenantId=" + tenantId + ", scimId=" + scimId + ", userId=" + userId + ", ***]";
    }
}

package io.tenantry.contracts.scim;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;
import org.axonframework.serialization.Revision;

/** A SCIM user's attributes changed (all of them as they are now; whether it is active is its membership's). */
@Revision("1")
public record ScimUserUpdatedEvent(
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
        return "ScimUserUpdatedEvent[tenantId=" + tenantId + ", scimId=" + scimId + ", userId=" + userId + ", ***]";
    }
}

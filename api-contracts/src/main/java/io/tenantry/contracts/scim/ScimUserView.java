package io.tenantry.contracts.scim;

import java.time.Instant;

/**
 * A SCIM user of a tenant: its stable SCIM {@code id} ({@code scimId}), the member it is ({@code userId}: the
 * placeholder until bound, then the person's subject), its attributes, and its {@code version}, the tenant's version
 * when the user last changed (SCIM's {@code meta.version}).
 */
public record ScimUserView(
        String tenantId,
        String scimId,
        String userId,
        ScimUserAttributes attributes,
        Instant created,
        Instant lastModified,
        long version) {

    /** Whether the member is bound to a person (signed in) yet. */
    public boolean bound() {
        return !ProvisionedMembers.isPlaceholder(userId);
    }
}

package io.tenantry.contracts.tenant;

import io.tenantry.contracts.privacy.DataSubject;
import io.tenantry.contracts.privacy.PersonalData;

/** A person to contact about a tenant. Everything about them but the {@code primary} flag is personal data. */
public record TenantContact(
        @PersonalData String name,
        @DataSubject String email,
        @PersonalData String phone,
        boolean primary) {

    @Override
    public String toString() {
        // personal data stays out of logs and exception messages
        return "TenantContact[primary=" + primary + ", ***]";
    }
}

package io.tenantry.contracts.scim;

import io.tenantry.contracts.privacy.Erasure;

/**
 * How a member provisioned over SCIM is named before it is bound to a person: {@code scim:<SCIM id>}, a user id no
 * identity provider's subject takes. It is bound to the subject of the first user who signs in to the tenant with the
 * provisioned e-mail address as a verified {@code email} claim; from then on the member is that subject.
 */
public final class ProvisionedMembers {

    /** The prefix of a provisioned member's user id until it is bound. */
    public static final String PLACEHOLDER_PREFIX = "scim:";

    private ProvisionedMembers() {}

    /** The user id of a provisioned member not bound yet. */
    public static String placeholder(String scimId) {
        return PLACEHOLDER_PREFIX + scimId;
    }

    /** Whether {@code userId} names a provisioned member not bound yet. */
    public static boolean isPlaceholder(String userId) {
        return userId != null && userId.startsWith(PLACEHOLDER_PREFIX);
    }

    /** Whether a verified address binds to a provisioned {@code userName}: equal once normalised, never erased. */
    public static boolean binds(String verifiedEmail, String userName) {
        return verifiedEmail != null
                && userName != null
                && !Erasure.MARKER.equals(userName)
                && Erasure.normaliseEmail(verifiedEmail).equals(Erasure.normaliseEmail(userName));
    }
}

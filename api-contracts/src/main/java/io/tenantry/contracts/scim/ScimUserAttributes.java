package io.tenantry.contracts.scim;

/**
 * What Tenantry keeps of a user its tenant's identity provider provisions over SCIM: the e-mail address that is its
 * {@code userName}, the provider's {@code externalId}, the names, and whether it is {@code active} (an inactive user's
 * membership is suspended). Personal data: {@link #toString()} shows none of it.
 */
public record ScimUserAttributes(
        String userName, String externalId, String displayName, String givenName, String familyName, boolean active) {

    /** The same attributes with {@code active} changed. */
    public ScimUserAttributes withActive(boolean value) {
        return new ScimUserAttributes(userName, externalId, displayName, givenName, familyName, value);
    }

    @Override
    public String toString() {
        return "ScimUserAttributes[active=" + active + ", ***]";
    }
}

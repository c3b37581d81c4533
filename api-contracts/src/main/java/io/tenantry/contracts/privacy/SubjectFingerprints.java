package io.tenantry.contracts.privacy;

/**
 * The keyed hash (HMAC) of a normalised e-mail address: what lookup tables and read models store to find a person
 * by e-mail without storing the address, and what {@link PersonalDataErasedEvent} names. Without the server's secret
 * it cannot be computed from an address, so it does not give the address away.
 */
@FunctionalInterface
public interface SubjectFingerprints {

    String of(String email);

    /** The fingerprint of an address as an event gave it; none for an address already erased (or absent). */
    default String ofUnlessErased(String email) {
        return email == null || Erasure.MARKER.equals(email) ? null : of(email);
    }
}

package io.tenantry.contracts.privacy;

import org.axonframework.serialization.Revision;

/**
 * A person's keys were destroyed: their personal data in every event now reads as {@link Erasure#MARKER}, and read
 * models replace it. {@code subjectId} is the {@link SubjectFingerprints fingerprint} of the address, never the
 * address.
 */
@Revision("1")
public record PersonalDataErasedEvent(String subjectId) {}

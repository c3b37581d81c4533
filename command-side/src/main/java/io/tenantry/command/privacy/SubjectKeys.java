package io.tenantry.command.privacy;

/** The data subjects' encryption keys, as far as erasure needs them. */
public interface SubjectKeys {

    /** Destroys every key of the subject; returns how many there were (0: nothing is kept for it). */
    int destroy(String subjectId);
}

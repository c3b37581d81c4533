package io.tenantry.contracts.privacy;

import java.util.Locale;

/** Constants and rules of erasure shared by every side. */
public final class Erasure {

    /** What an erased person's personal data reads as, in events and in read models. */
    public static final String MARKER = "[erased]";

    private Erasure() {}

    /** The form of an e-mail address that identifies a data subject: trimmed, lower case. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
